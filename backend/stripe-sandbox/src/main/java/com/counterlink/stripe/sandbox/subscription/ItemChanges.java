package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.catalog.Catalog;
import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.invoice.Charged;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code items[n][id|price|quantity|deleted|metadata]}, computes their prorations and applies them. */
final class ItemChanges {
    static final Set<String> ITEM_PARAMS = ParamNames.of("id", "price", "quantity", "deleted", "metadata", "clear_usage");

    private ItemChanges() {}

    static List<ItemChange> parse(List<Params> items, Subscription s, Catalog catalog) {
        List<ItemChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Params p : items) {
            p.refuseUnimplemented(ParamNames.of("price_data", "discounts", "tax_rates", "billing_thresholds", "plan")).allow(ITEM_PARAMS);
            String id = p.nonEmptyString("id").orElse(null);
            SubscriptionItem existing = null;
            if (id != null) {
                existing = s.items().stream().filter(i -> i.id().equals(id)).findFirst()
                        .orElseThrow(() -> ApiError.noSuchParam("subscription item", id, p.name("id")));
                if (!seen.add(id)) throw ApiError.invalid(p.name("id"), "You passed the same subscription item twice: " + id);
            }
            boolean deleted = p.bool("deleted").orElse(false);
            if (deleted && existing == null) throw ApiError.missing(p.name("id"));
            String priceId = p.nonEmptyString("price").orElse(existing == null ? null : existing.priceId());
            if (priceId == null) throw ApiError.missing(p.name("price"));
            Price price = catalog.requirePrice(priceId, p.name("price"));
            checkCompatible(price, s, catalog, p.name("price"));
            long quantity = p.longValue("quantity").orElse(existing == null ? 1L : existing.quantity());
            if (quantity < 0) throw ApiError.invalid(p.name("quantity"), "Invalid non-negative integer");
            Map<String, String> metadata = null;
            if (p.has("metadata")) {
                metadata = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing.metadata());
                p.applyMetadata(metadata);
            }
            changes.add(new ItemChange(existing, deleted ? null : priceId, deleted ? 0 : quantity, deleted, metadata));
        }
        Set<String> pricesAfter = new HashSet<>();
        for (SubscriptionItem i : s.items()) {
            ItemChange c = changes.stream().filter(x -> x.existing() == i).findFirst().orElse(null);
            if (c == null) pricesAfter.add(i.priceId());
            else if (!c.deleted() && !pricesAfter.add(c.priceId())) throw duplicate(c.priceId());
        }
        for (ItemChange c : changes) {
            if (c.existing() == null && !pricesAfter.add(c.priceId())) throw duplicate(c.priceId());
        }
        if (pricesAfter.isEmpty()) throw ApiError.invalidRequest("A subscription must have at least one active plan; cancel it instead.");
        return changes;
    }

    static void checkCompatible(Price price, Subscription s, Catalog catalog, String param) {
        if (price.recurring() == null) {
            throw ApiError.invalid(param, "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.");
        }
        if (!price.active()) throw ApiError.invalid(param, "The price specified is inactive. This field only accepts active prices.");
        if (s == null || s.items().isEmpty()) return;
        Price current = catalog.price(s.items().get(0).priceId()).orElseThrow();
        if (!current.currency().equals(price.currency()) || !current.recurring().interval().equals(price.recurring().interval())
                || current.recurring().intervalCount() != price.recurring().intervalCount()) {
            throw ApiError.invalid(param, "Currency and interval fields must match across all plans on this subscription.");
        }
    }

    private static ApiError duplicate(String priceId) {
        return ApiError.invalidRequest("Cannot add multiple subscription items with the same plan: " + priceId);
    }

    /** The proration lines of {@code changes} at {@code t}: a credit for what each changed item had, a debit for what it gets. */
    static List<Charged> prorations(Subscription s, List<ItemChange> changes, long t, LineFactory lines) {
        List<Charged> out = new ArrayList<>();
        long start = s.currentPeriodStart();
        long end = s.currentPeriodEnd();
        for (ItemChange c : changes) {
            if (!c.changesBilling()) continue;
            String itemId = c.existing() == null ? null : c.existing().id();
            if (c.existing() != null && c.existing().quantity() > 0) {
                out.add(lines.unused(s, itemId, c.existing().priceId(), c.existing().quantity(), t, start, end));
            }
            if (!c.deleted() && c.quantity() > 0) out.add(lines.remaining(s, itemId, c.priceId(), c.quantity(), t, start, end));
        }
        return out;
    }

    /** Applies the changes; new items start in the subscription's current period. */
    static void apply(Subscription s, List<ItemChange> changes, long now) {
        for (ItemChange c : changes) {
            if (c.deleted()) {
                s.items().remove(c.existing());
                continue;
            }
            SubscriptionItem item = c.existing();
            if (item == null) {
                item = new SubscriptionItem(Ids.next("si_"), s.id(), now, c.priceId(), c.quantity(), s.currentPeriodStart(), s.currentPeriodEnd());
                s.items().add(item);
            }
            item.priceId(c.priceId());
            item.quantity(c.quantity());
            if (c.metadata() != null) {
                item.metadata().clear();
                item.metadata().putAll(c.metadata());
            }
        }
    }

    /** A proration line belongs to an item that does not exist yet: give it the id the item gets once applied. */
    static List<Charged> withItemIds(List<Charged> prorations, Subscription s) {
        List<Charged> out = new ArrayList<>();
        for (Charged c : prorations) {
            String itemId = c.subscriptionItemId();
            if (itemId == null) {
                itemId = s.items().stream().filter(i -> i.priceId().equals(c.priceId())).map(SubscriptionItem::id).findFirst().orElse(null);
            }
            out.add(new Charged(c.amount(), c.currency(), c.description(), c.quantity(), c.periodStart(), c.periodEnd(), c.priceId(),
                    c.productId(), c.unitAmountDecimal(), c.proration(), c.subscriptionId(), itemId));
        }
        return out;
    }
}
