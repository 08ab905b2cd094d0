package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.CreatedFilter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.http.Json;
import com.counterlink.stripe.sandbox.invoice.InvoiceStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/** {@code /v1/subscriptions}, {@code /v1/subscription_items} and {@code POST /v1/invoices/create_preview}. */
public final class SubscriptionEndpoints {
    private static final List<String> PRORATION_BEHAVIORS = List.of("create_prorations", "none", "always_invoice");
    private static final List<String> PAYMENT_BEHAVIORS = List.of("allow_incomplete", "default_incomplete", "error_if_incomplete",
            "pending_if_incomplete");
    private static final Set<String> CREATE = ParamNames.of("customer", "items", "trial_end", "trial_period_days", "trial_from_plan",
            "trial_settings", "payment_behavior", "default_payment_method", "metadata", "description", "cancel_at_period_end",
            "billing_mode", "proration_behavior", "collection_method", "off_session");
    private static final Set<String> UPDATE = ParamNames.of("items", "proration_behavior", "proration_date", "payment_behavior", "metadata",
            "description", "default_payment_method", "cancel_at_period_end", "trial_end", "cancellation_details", "off_session",
            "billing_cycle_anchor", "trial_settings");
    private static final Set<String> UNIMPLEMENTED = ParamNames.of("add_invoice_items", "application_fee_percent", "automatic_tax",
            "backdate_start_date", "billing_cycle_anchor_config", "billing_thresholds", "cancel_at", "coupon", "currency",
            "days_until_due", "default_source", "default_tax_rates", "discounts", "invoice_settings", "on_behalf_of", "payment_settings",
            "pending_invoice_item_interval", "promotion_code", "transfer_data", "billing_schedules", "pause_collection", "customer_account");
    private static final Set<String> LIST = ParamNames.union(ListPage.PARAMS, ParamNames.of("customer", "price", "status", "test_clock",
            "created", "collection_method"));
    private static final long MAX_TRIAL_SECONDS = 730L * 24 * 3600;

    private final SubscriptionContext ctx;
    private final SubscriptionCreator creator;
    private final SubscriptionUpdater updater;
    private final Cancellation cancellation;
    private final UpcomingInvoice upcoming;

    SubscriptionEndpoints(SubscriptionContext ctx) {
        this.ctx = ctx;
        this.creator = new SubscriptionCreator(ctx);
        this.updater = new SubscriptionUpdater(ctx);
        this.cancellation = new Cancellation(ctx);
        this.upcoming = new UpcomingInvoice(ctx);
    }

    void register(ApiRouter router, Renderers renderers) {
        router.post("/v1/subscriptions", this::create);
        router.get("/v1/subscriptions", this::list);
        router.get("/v1/subscriptions/{id}", c -> ctx.render(inPath(c)));
        router.post("/v1/subscriptions/{id}", this::update);
        router.delete("/v1/subscriptions/{id}", this::cancel);
        router.get("/v1/subscription_items", this::listItems);
        router.post("/v1/subscription_items", this::createItem);
        router.get("/v1/subscription_items/{id}", c -> ctx.json().item(itemInPath(c)));
        router.post("/v1/subscription_items/{id}", this::updateItem);
        router.delete("/v1/subscription_items/{id}", this::deleteItem);
        router.post("/v1/invoices/create_preview", c -> upcoming.preview(c.params()));
        renderers.register("sub_", id -> ctx.subscriptions().find(id).map(ctx::render));
        renderers.register("si_", id -> ctx.subscriptions().item(id).map(ctx.json()::item));
    }

    private ObjectNode create(ApiCall c) {
        Params p = c.params().refuseUnimplemented(UNIMPLEMENTED).allow(CREATE);
        Customer customer = ctx.customers().require(p.requireString("customer"), "customer");
        List<Params> itemParams = p.objects("items");
        if (itemParams.isEmpty()) throw ApiError.missing("items");
        if (itemParams.size() > 20) throw ApiError.invalid("items", "A subscription can have at most 20 items.");
        List<NewItem> items = new ArrayList<>();
        for (Params ip : itemParams) {
            ip.refuseUnimplemented(ParamNames.of("price_data", "discounts", "tax_rates", "billing_thresholds", "plan"))
                    .allow(ParamNames.of("price", "quantity", "metadata"));
            Price price = ctx.catalog().requirePrice(ip.requireString("price"), ip.name("price"));
            ItemChanges.checkCompatible(price, null, ctx.catalog(), ip.name("price"));
            if (!items.isEmpty()) {
                Price first = items.get(0).price();
                if (!first.currency().equals(price.currency()) || !first.recurring().interval().equals(price.recurring().interval())
                        || first.recurring().intervalCount() != price.recurring().intervalCount()) {
                    throw ApiError.invalid(ip.name("price"), "Currency and interval fields must match across all plans on this subscription.");
                }
                if (items.stream().anyMatch(i -> i.price().id().equals(price.id()))) {
                    throw ApiError.invalidRequest("Cannot add multiple subscription items with the same plan: " + price.id());
                }
            }
            long quantity = ip.longValue("quantity").orElse(1L);
            if (quantity < 0) throw ApiError.invalid(ip.name("quantity"), "Invalid non-negative integer");
            Map<String, String> metadata = new LinkedHashMap<>();
            ip.applyMetadata(metadata);
            items.add(new NewItem(price, quantity, metadata));
        }
        long now = ctx.time().now(customer.testClockId());
        Long trialEnd = trialEnd(p, items.get(0).price(), now);
        String paymentBehavior = p.oneOf("payment_behavior", PAYMENT_BEHAVIORS).orElse("allow_incomplete");
        if (paymentBehavior.equals("pending_if_incomplete")) throw ApiError.notImplemented("payment_behavior=pending_if_incomplete");
        p.oneOf("proration_behavior", PRORATION_BEHAVIORS);
        if (p.oneOf("collection_method", List.of("charge_automatically", "send_invoice")).filter("send_invoice"::equals).isPresent()) {
            throw ApiError.notImplemented("collection_method=send_invoice");
        }
        String billingMode = p.object("billing_mode").map(b -> b.refuseUnimplemented(ParamNames.of("flexible")).allow(ParamNames.of("type"))
                .oneOf("type", List.of("classic", "flexible")).orElseThrow(() -> ApiError.missing("billing_mode[type]"))).orElse("flexible");
        Map<String, String> metadata = new LinkedHashMap<>();
        p.applyMetadata(metadata);
        CreateRequest req = new CreateRequest(customer, items, trialEnd, missingPaymentMethod(p).orElse("create_invoice"), paymentBehavior,
                defaultPaymentMethod(p, customer).filter(pm -> !pm.isEmpty()).orElse(null), metadata,
                p.nonEmptyString("description").orElse(null), p.bool("cancel_at_period_end").orElse(false), billingMode);
        return ctx.render(creator.create(req));
    }

    private static Long trialEnd(Params p, Price price, long now) {
        int given = (p.has("trial_end") ? 1 : 0) + (p.has("trial_period_days") ? 1 : 0) + (p.has("trial_from_plan") ? 1 : 0);
        if (given > 1) throw ApiError.invalidRequest("You may only specify one of these parameters: trial_end, trial_period_days, trial_from_plan.");
        if (p.has("trial_period_days")) {
            long days = p.longValue("trial_period_days").orElseThrow();
            if (days < 0 || days > 730) throw ApiError.invalid("trial_period_days", "Invalid trial_period_days: must be between 0 and 730");
            return days == 0 ? null : now + days * 86400;
        }
        if (p.bool("trial_from_plan").orElse(false)) {
            Long days = price.recurring().trialPeriodDays();
            return days == null || days == 0 ? null : now + days * 86400;
        }
        if (p.has("trial_end")) {
            String v = p.requireString("trial_end");
            if (v.equals("now")) return null;
            long end = timestamp(p, "trial_end");
            if (end <= now) throw ApiError.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
            if (end > now + MAX_TRIAL_SECONDS) throw ApiError.invalid("trial_end", "Invalid timestamp: can be no more than two years in the future.");
            return end;
        }
        return null;
    }

    private static long timestamp(Params p, String key) {
        return p.longValue(key).orElseThrow();
    }

    private static Optional<String> missingPaymentMethod(Params p) {
        return p.object("trial_settings").map(t -> t.allow(ParamNames.of("end_behavior"))).flatMap(t -> t.object("end_behavior"))
                .flatMap(e -> e.allow(ParamNames.of("missing_payment_method"))
                        .oneOf("missing_payment_method", List.of("cancel", "create_invoice", "pause")));
    }

    private Optional<String> defaultPaymentMethod(Params p, Customer customer) {
        Optional<String> pm = p.string("default_payment_method");
        pm.filter(id -> !id.isEmpty()).ifPresent(id -> {
            if (!ctx.payments().isAttachedTo(id, customer.id(), "default_payment_method")) {
                throw ApiError.invalid("default_payment_method", "The customer does not have a payment method with the ID " + id
                        + ". The payment method must be attached to the customer.");
            }
        });
        return pm;
    }

    private ObjectNode update(ApiCall c) {
        Subscription s = inPath(c);
        Params p = c.params().refuseUnimplemented(UNIMPLEMENTED).allow(UPDATE);
        Customer customer = ctx.customers().find(s.customerId()).orElseThrow();
        p.oneOf("billing_cycle_anchor", List.of("now", "unchanged")).filter("now"::equals).ifPresent(x -> {
            throw ApiError.notImplemented("billing_cycle_anchor=now");
        });
        missingPaymentMethod(p).ifPresent(s::missingPaymentMethod);
        List<ItemChange> items = ItemChanges.parse(p.objects("items"), s, ctx.catalog());
        Long trialEnd = null;
        if (p.has("trial_end")) trialEnd = p.requireString("trial_end").equals("now") ? 0L : timestamp(p, "trial_end");
        Map<String, String> metadata = null;
        if (p.has("metadata")) {
            metadata = new LinkedHashMap<>(s.metadata());
            p.applyMetadata(metadata);
        }
        Optional<Params> cancellationDetails = p.object("cancellation_details").map(d -> d.allow(ParamNames.of("comment", "feedback")));
        UpdateRequest req = new UpdateRequest(items, p.oneOf("proration_behavior", PRORATION_BEHAVIORS).orElse("create_prorations"),
                p.longValue("proration_date").orElse(null), paymentBehavior(p), trialEnd, p.bool("cancel_at_period_end").orElse(null),
                metadata, p.string("description").orElse(null), defaultPaymentMethod(p, customer).orElse(null),
                cancellationDetails.flatMap(d -> d.string("comment")).orElse(null),
                cancellationDetails.flatMap(d -> d.oneOf("feedback", List.of("customer_service", "low_quality", "missing_features", "other",
                        "switched_service", "too_complex", "too_expensive", "unused"))).orElse(null));
        updater.update(s, req);
        return ctx.render(s);
    }

    private static String paymentBehavior(Params p) {
        String behavior = p.oneOf("payment_behavior", PAYMENT_BEHAVIORS).orElse("allow_incomplete");
        if (behavior.equals("pending_if_incomplete")) throw ApiError.notImplemented("payment_behavior=pending_if_incomplete");
        return behavior;
    }

    private ObjectNode cancel(ApiCall c) {
        Subscription s = inPath(c);
        Params p = c.params().allow(ParamNames.of("prorate", "invoice_now", "cancellation_details"));
        if (p.bool("invoice_now").orElse(false)) throw ApiError.notImplemented("invoice_now=true");
        if (s.status().isTerminal()) throw ApiError.invalidRequest("This subscription is already canceled; a canceled subscription cannot be canceled again.");
        long now = ctx.now(s);
        p.object("cancellation_details").ifPresent(d -> {
            d.allow(ParamNames.of("comment", "feedback"));
            s.cancellation(d.string("comment").orElse(null), d.string("feedback").orElse(null), null);
        });
        // an incomplete subscription's unpaid first invoice is voided with it
        if (s.status() == SubscriptionStatus.INCOMPLETE) {
            ctx.invoices().find(s.latestInvoice()).filter(i -> i.status() == InvoiceStatus.OPEN).ifPresent(i -> ctx.lifecycle().voidInvoice(i, now));
        }
        return cancellation.cancelNow(s, now, "cancellation_requested", p.bool("prorate").orElse(false));
    }

    private ObjectNode list(ApiCall c) {
        Params p = c.params().allow(LIST);
        Optional<String> customer = p.nonEmptyString("customer");
        Optional<String> price = p.nonEmptyString("price");
        Optional<String> clock = p.nonEmptyString("test_clock");
        String status = p.oneOf("status", List.of("active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due",
                "paused", "trialing", "unpaid")).orElse(null);
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Subscription> matching = ctx.subscriptions().newestFirst().stream()
                // subscriptions on a test clock are listed only when that clock (or their customer) is asked for
                .filter(s -> s.testClockId() == null || clock.map(s.testClockId()::equals).orElse(customer.isPresent()))
                .filter(s -> clock.map(id -> id.equals(s.testClockId())).orElse(true))
                .filter(s -> customer.map(id -> id.equals(s.customerId())).orElse(true))
                .filter(s -> price.map(id -> s.items().stream().anyMatch(i -> i.priceId().equals(id))).orElse(true))
                .filter(s -> statusMatches(status, s.status()))
                .filter(s -> created.test(s.created())).toList();
        return ListPage.of(matching, Subscription::id, ctx::render, p, "/v1/subscriptions", "subscription");
    }

    private static boolean statusMatches(String wanted, SubscriptionStatus status) {
        if (wanted == null) return status != SubscriptionStatus.CANCELED;
        return switch (wanted) {
            case "all" -> true;
            case "ended" -> status.isTerminal();
            default -> wanted.equals(status.wire());
        };
    }

    private ObjectNode listItems(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("subscription")));
        String id = p.requireString("subscription");
        Subscription s = ctx.subscriptions().find(id).orElseThrow(() -> ApiError.noSuchParam("subscription", id, "subscription"));
        return ListPage.of(new ArrayList<>(s.items()), SubscriptionItem::id, ctx.json()::item, p, "/v1/subscription_items", "subscription item");
    }

    private static final Set<String> ITEM_UPDATE = ParamNames.of("quantity", "price", "metadata", "proration_behavior", "proration_date",
            "payment_behavior", "off_session");

    private ObjectNode createItem(ApiCall c) {
        Params p = c.params().refuseUnimplemented(ParamNames.of("price_data", "discounts", "tax_rates", "billing_thresholds", "plan"))
                .allow(ParamNames.union(ITEM_UPDATE, ParamNames.of("subscription")));
        String id = p.requireString("subscription");
        Subscription s = ctx.subscriptions().find(id).orElseThrow(() -> ApiError.noSuchParam("subscription", id, "subscription"));
        p.requireString("price");
        SubscriptionItem item = changeOneItem(s, p, null, false);
        return ctx.json().item(item);
    }

    private ObjectNode updateItem(ApiCall c) {
        SubscriptionItem item = itemInPath(c);
        Subscription s = ctx.subscriptions().find(item.subscriptionId()).orElseThrow();
        Params p = c.params().refuseUnimplemented(ParamNames.of("price_data", "discounts", "tax_rates", "billing_thresholds", "plan"))
                .allow(ITEM_UPDATE);
        return ctx.json().item(changeOneItem(s, p, item, false));
    }

    private ObjectNode deleteItem(ApiCall c) {
        SubscriptionItem item = itemInPath(c);
        Subscription s = ctx.subscriptions().find(item.subscriptionId()).orElseThrow();
        Params p = c.params().allow(ParamNames.of("proration_behavior", "proration_date", "clear_usage"));
        changeOneItem(s, p, item, true);
        ObjectNode o = Json.object();
        o.put("id", item.id());
        o.put("object", "subscription_item");
        o.put("deleted", true);
        return o;
    }

    /** {@code /v1/subscription_items} changes are the same as a subscription update with one {@code items[0]}. */
    private SubscriptionItem changeOneItem(Subscription s, Params p, SubscriptionItem existing, boolean delete) {
        ObjectNode itemParams = Json.object();
        if (existing != null) itemParams.put("id", existing.id());
        if (delete) itemParams.put("deleted", "true");
        for (String k : List.of("price", "quantity", "metadata")) if (p.raw().has(k)) itemParams.set(k, p.raw().get(k));
        ObjectNode wrapper = Json.object();
        wrapper.putArray("items").add(itemParams);
        List<ItemChange> changes = ItemChanges.parse(Params.of(wrapper).objects("items"), s, ctx.catalog());
        UpdateRequest req = new UpdateRequest(changes, p.oneOf("proration_behavior", PRORATION_BEHAVIORS).orElse("create_prorations"),
                p.longValue("proration_date").orElse(null), p.has("payment_behavior") ? paymentBehavior(p) : "allow_incomplete",
                null, null, null, null, null, null, null);
        updater.update(s, req);
        if (existing != null) return existing;
        String priceId = changes.get(0).priceId();
        return s.items().stream().filter(i -> i.priceId().equals(priceId)).findFirst().orElseThrow();
    }

    private Subscription inPath(ApiCall c) {
        return ctx.subscriptions().find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("subscription", c.path("id")));
    }

    private SubscriptionItem itemInPath(ApiCall c) {
        return ctx.subscriptions().item(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("subscription_item", c.path("id")));
    }
}
