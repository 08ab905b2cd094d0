package com.counterlink.orders;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.StoreClients;
import com.counterlink.sync.JobType;
import com.counterlink.sync.LightPoll;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooTransport;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The orders light poll of a store that shares stock with a sibling store: every few seconds one small
 * request for the orders changed since the last look (ids, modification times and statuses only); when one
 * is newer than what the ledger knows, the store's orders job runs at once as a change run, and its
 * allocation lowers the sibling stores' stock. WooCommerce's webhooks come 20-60 s late on a real store,
 * so they stay hints; this is what keeps the sibling window to seconds.
 */
@Singleton
class SiblingOrderPoll implements LightPoll {

    static final String FIELDS = "id,date_modified_gmt,status";
    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** One attempt with short timeouts: a store that does not answer is asked again later, not retried here. */
    private static final WooClientConfig CONFIG = new WooClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), 1,
            Duration.ofMillis(500), Duration.ofSeconds(1), 1024 * 1024);

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final StoreClients clients;
    private final OrderLedger ledger;
    private final SiblingStores siblings;
    private final SyncScheduler scheduler;
    /** One HTTP client for every polled store: its connections are kept alive between looks. */
    private final WooTransport transport = WooTransport.jdk(CONFIG.connectTimeout());

    SiblingOrderPoll(TenantTransactions transactions, SiteRepository sites, StoreClients clients, OrderLedger ledger,
                     SiblingStores siblings, SyncScheduler scheduler) {
        this.transactions = transactions;
        this.sites = sites;
        this.clients = clients;
        this.ledger = ledger;
        this.siblings = siblings;
        this.scheduler = scheduler;
    }

    @Override
    public JobType job() {
        return JobType.ORDERS;
    }

    private record Start(Site site, Instant since) {
    }

    @Override
    public Look look(UUID tenantId, UUID siteId, Instant seenUntil) {
        Start start = transactions.inTenant(tenantId, null, () -> {
            if (!siblings.sharingStock(tenantId).contains(siteId)) {
                return null;
            }
            Site site = sites.findByIdAndTenantId(siteId, tenantId).orElseThrow();
            Instant watermark = ledger.watermark(siteId).orElse(null);
            Instant lookback = Instant.now().minus(OrderSettings.of(site.settings()).lookbackMinutes(), ChronoUnit.MINUTES);
            return new Start(site, latest(seenUntil, watermark == null && seenUntil == null ? lookback : watermark));
        });
        if (start == null) {
            return new Look(Outcome.GONE, seenUntil);
        }
        WooClient woo = clients.client(start.site(), CONFIG, transport);
        List<JsonNode> changed = woo.list("orders", Map.of("modified_after",
                WOO_DATE.format(LocalDateTime.ofInstant(start.since(), ZoneOffset.UTC)), "dates_are_gmt", "true",
                "orderby", "modified", "order", "asc", "_fields", FIELDS), 1, WooClient.MAX_PER_PAGE).items();
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        Instant newest = start.since();
        for (JsonNode order : changed) {
            byId.put(order.path("id").asLong(), order);
            newest = latest(newest, gmt(order.path("date_modified_gmt").asText(null)));
        }
        Map<Long, OrderLedger.Seen> known = byId.isEmpty() ? Map.of()
                : transactions.inTenant(tenantId, null, () -> ledger.seen(siteId, new ArrayList<>(byId.keySet())));
        boolean news = byId.entrySet().stream().anyMatch(e -> newerThanLedger(e.getValue(), known.get(e.getKey())));
        if (news) {
            scheduler.runNow(tenantId, siteId, JobType.ORDERS, RunTrigger.CHANGE);
        }
        return new Look(news ? Outcome.ACTIVE : Outcome.IDLE, newest);
    }

    /** Not in the ledger yet, or changed in WooCommerce since the ledger last read it. */
    static boolean newerThanLedger(JsonNode order, OrderLedger.Seen seen) {
        if (seen == null || !seen.wooStatus().equals(order.path("status").asText(seen.wooStatus()))) {
            return true;
        }
        Instant modified = gmt(order.path("date_modified_gmt").asText(null));
        Instant read = gmt(seen.wooModifiedGmt());
        return modified != null && (read == null || modified.isAfter(read));
    }

    /** WooCommerce's GMT dates carry no zone ("2026-12-07T10:15:00"). */
    static Instant gmt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String local = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
