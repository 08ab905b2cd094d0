package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import com.counterlink.woo.ManageStock;
import com.counterlink.woo.WooClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What WooCommerce shows now, for drift: a product someone changed in WooCommerce (a product.updated
 * webhook hint) or, in a reconcile, every mapped product. Where WooCommerce shows other values than
 * were sent, the links' "sent" values become unknown and keep what WooCommerce showed, so the job's usual
 * comparison sends Counterpoint's again and says why. The first catalog job to run consumes the hint; when
 * it saw drift in what the other job sends, it asks for that job's run now ({@link #askToPutBack}), so a
 * price changed by hand comes back as soon as stock does instead of at the pricing interval. Our own writes
 * also cause hints; they show the values we sent, so they change nothing and cannot loop.
 */
@Singleton
public class WooActuals {

    /** A link as WooCommerce shows it, and what differed from what we had sent, seen now. */
    public record Refreshed(CatalogLink link, @Nullable String stockDrift, @Nullable String priceDrift) {
    }

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final CatalogLinks links;
    private final CatalogTriggers triggers;

    public WooActuals(TenantTransactions transactions, TxSql sql, CatalogLinks links, CatalogTriggers triggers) {
        this.transactions = transactions;
        this.sql = sql;
        this.links = links;
        this.triggers = triggers;
    }

    /** Every link for a reconcile, else the links named by unconsumed product hints (which this consumes). */
    public Map<String, Refreshed> refresh(UUID tenantId, UUID siteId, WooClient woo, List<CatalogLink> sellable, boolean all) {
        Set<Long> hinted = all ? Set.of() : consumeProductHints(tenantId, siteId);
        return refreshLinks(tenantId, siteId, woo, all ? sellable : sellable.stream()
                .filter(l -> hinted.contains(l.wooId()) || (l.wooParentId() != null && hinted.contains(l.wooParentId()))).toList());
    }

    /** The links named by unconsumed product hints (which this consumes), read from the store's rows: O(hints). */
    public Map<String, Refreshed> refreshHinted(UUID tenantId, UUID siteId, WooClient woo) {
        Set<Long> hinted = consumeProductHints(tenantId, siteId);
        if (hinted.isEmpty()) {
            return Map.of();
        }
        return refreshLinks(tenantId, siteId, woo, transactions.inTenant(tenantId, null, () -> links.forWooIds(siteId, hinted))
                .stream().filter(CatalogLink::sellable).toList());
    }

    /**
     * At the end of the {@code reading} job's run (after its own writes, so the run asked for does not race them
     * on the same rows): where this run saw WooCommerce show other values than the other catalog job sent, that
     * job runs now for the store and puts them back, instead of at its interval. The reading job put back its own.
     */
    public void askToPutBack(UUID tenantId, UUID siteId, Map<String, Refreshed> refreshed, JobType reading) {
        Set<JobType> putBackBy = EnumSet.noneOf(JobType.class);
        refreshed.values().forEach(r -> {
            if (r.stockDrift() != null) {
                putBackBy.add(JobType.INVENTORY);
            }
            if (r.priceDrift() != null) {
                putBackBy.add(JobType.PRICING);
            }
        });
        putBackBy.remove(reading);
        if (!putBackBy.isEmpty()) {
            triggers.putBack(tenantId, siteId, putBackBy);
        }
    }

    /** The sellable rows of these items as they are now, with what WooCommerce showed for the refreshed ones. */
    public List<CatalogLink> currentRows(UUID tenantId, UUID siteId, Collection<String> itemNos, Map<String, Refreshed> refreshed) {
        if (itemNos.isEmpty()) {
            return List.of();
        }
        return apply(transactions.inTenant(tenantId, null, () -> links.sellableForItems(siteId, itemNos)), refreshed);
    }

    private Map<String, Refreshed> refreshLinks(UUID tenantId, UUID siteId, WooClient woo, List<CatalogLink> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Long, JsonNode> actual = new HashMap<>();
        List<Long> products = wanted.stream().filter(l -> l.wooParentId() == null).map(CatalogLink::wooId).toList();
        for (int from = 0; from < products.size(); from += WooClient.MAX_PER_PAGE) {
            String ids = products.subList(from, Math.min(products.size(), from + WooClient.MAX_PER_PAGE)).stream()
                    .map(String::valueOf).collect(Collectors.joining(","));
            woo.listAll("products", Map.of("include", ids)).forEach(p -> actual.put(p.path("id").asLong(), p));
        }
        for (Long parent : new LinkedHashSet<>(wanted.stream().map(CatalogLink::wooParentId).filter(p -> p != null).toList())) {
            woo.listAll("products/" + parent + "/variations", Map.of()).forEach(v -> actual.put(v.path("id").asLong(), v));
        }
        Map<String, Refreshed> refreshed = new HashMap<>();
        for (CatalogLink link : wanted) {
            JsonNode shown = actual.get(link.wooId());
            if (shown != null) {
                refreshed.put(link.key(), refreshed(link, shown));
            }
        }
        // kept, so the store's other catalog job also sees what WooCommerce really shows, and why it sends again
        List<CatalogLink> drifted = refreshed.values().stream().filter(r -> r.stockDrift() != null || r.priceDrift() != null)
                .map(Refreshed::link).toList();
        if (!drifted.isEmpty()) {
            transactions.inTenant(tenantId, null, () -> {
                links.saveAll(tenantId, siteId, drifted);
                return null;
            });
        }
        return refreshed;
    }

    private static Refreshed refreshed(CatalogLink link, JsonNode shown) {
        boolean managed = ManageStock.of(shown) == ManageStock.YES;
        Integer qty = shown.path("stock_quantity").isNumber() ? shown.path("stock_quantity").asInt() : null;
        BigDecimal regular = money(shown.path("regular_price").asText(""));
        BigDecimal sale = money(shown.path("sale_price").asText(""));
        LocalDateTime from = date(shown.path("date_on_sale_from_gmt"));
        LocalDateTime to = date(shown.path("date_on_sale_to_gmt"));
        // an item without stock in Counterpoint has none to put back: its stock in WooCommerce is the merchant's
        String stockDrift = link.tracksStock() && link.sentQty() != null && (!managed || !link.sentQty().equals(qty))
                ? "WooCommerce showed " + (managed ? "stock " + qty : "stock not managed") + " instead of the " + link.sentQty() + " sent"
                : null;
        boolean pricesDiffer = link.sentRegular() != null
                && !new SitePrice(link.sentRegular(), link.sentSale(), link.sentSaleFrom(), link.sentSaleTo())
                .sameAs(regular, sale, from, to);
        String priceDrift = pricesDiffer ? priceDrift(link, shown, from, to) : null;
        // drifted values are kept as unknown, with what WooCommerce showed: whichever job saw the drift, the one
        // that sends the value then sends it again (the hint is consumed), saying why. A drift seen earlier and
        // not put back yet stays.
        String stockPending = stockDrift != null ? stockDrift : link.sentQty() == null ? link.stockDrift() : null;
        String pricePending = priceDrift != null ? priceDrift : link.sentRegular() == null ? link.priceDrift() : null;
        boolean pricesUnknown = pricePending != null;
        CatalogLink actual = new CatalogLink(link.itemNo(), link.cell(), link.sku(), link.wooId(), link.wooParentId(), link.gridded(),
                link.categoryCode(), link.published(), link.statusBeforeUnpublish(), managed, stockPending == null ? qty : null,
                pricesUnknown ? null : regular, pricesUnknown ? null : sale, pricesUnknown ? null : from, pricesUnknown ? null : to,
                stockPending, pricePending, link.tracksStock(), link.publishWhenPriced());
        return new Refreshed(actual, stockDrift, priceDrift);
    }

    /** "WooCommerce showed regular 1.00 / sale none instead of 12.99 / none", with the sale dates where only they differ. */
    private static String priceDrift(CatalogLink link, JsonNode shown, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        String shownRegular = shown.path("regular_price").asText("");
        String shownSale = shown.path("sale_price").asText("");
        String text = "WooCommerce showed regular " + orNone(shownRegular) + " / sale " + orNone(shownSale)
                + " instead of " + amount(link.sentRegular()) + " / " + amount(link.sentSale());
        boolean datesDiffer = !java.util.Objects.equals(from, link.sentSaleFrom()) || !java.util.Objects.equals(to, link.sentSaleTo());
        return datesDiffer ? text + " (sale dates " + dates(from, to) + " instead of " + dates(link.sentSaleFrom(), link.sentSaleTo()) + ")"
                : text;
    }

    private static String orNone(String shown) {
        return shown.isBlank() ? "none" : shown;
    }

    private static String amount(@Nullable BigDecimal sent) {
        return sent == null ? "none" : SitePrice.money(sent).toPlainString();
    }

    private static String dates(@Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        return (from == null ? "open" : from.toString()) + " to " + (to == null ? "open" : to.toString());
    }

    private Set<Long> consumeProductHints(UUID tenantId, UUID siteId) {
        return transactions.inTenant(tenantId, null, () -> new HashSet<>(sql.query(
                "UPDATE webhook_hints SET consumed_at = now() WHERE site_id = ? AND consumed_at IS NULL"
                        + " AND topic IN ('product.updated', 'product.restored') RETURNING resource_id",
                row -> row.getLong(1), siteId)));
    }

    private static BigDecimal money(String text) {
        try {
            return text.isBlank() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDateTime date(JsonNode value) {
        try {
            return value.isTextual() && !value.asText().isBlank() ? LocalDateTime.parse(value.asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static List<CatalogLink> apply(List<CatalogLink> sellable, Map<String, Refreshed> refreshed) {
        List<CatalogLink> result = new ArrayList<>(sellable.size());
        for (CatalogLink link : sellable) {
            Refreshed r = refreshed.get(link.key());
            result.add(r == null ? link : r.link());
        }
        return result;
    }
}
