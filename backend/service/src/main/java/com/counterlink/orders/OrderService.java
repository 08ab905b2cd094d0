package com.counterlink.orders;

import com.counterlink.platform.db.TxSql;
import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.orders.OrderViews.CustomerIdentity;
import com.counterlink.orders.OrderViews.OrderDetail;
import com.counterlink.orders.OrderViews.OrderSummary;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.sync.JobType;
import com.counterlink.sync.JobsSwitched;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.tenancy.TenantAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The order, customer and allocation APIs: members read, owners change (audited). */
@Singleton
public class OrderService {

    private static final Pattern CUST_NO = Pattern.compile("[A-Za-z0-9_\\-]{1,15}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantAccess access;
    private final OrderLedger ledger;
    private final TxSql sql;
    private final SiteRepository sites;
    private final SyncScheduler scheduler;
    private final AuditLog audit;
    private final ApplicationEventPublisher<AllocationsChanged> events;
    private final SiblingStores siblings;
    private final ApplicationEventPublisher<JobsSwitched> switches;
    private final ReferencePrefixes prefixes;

    OrderService(TenantAccess access, OrderLedger ledger, TxSql sql, SiteRepository sites, SyncScheduler scheduler,
                 AuditLog audit, ApplicationEventPublisher<AllocationsChanged> events, SiblingStores siblings,
                 ApplicationEventPublisher<JobsSwitched> switches, ReferencePrefixes prefixes) {
        this.siblings = siblings;
        this.switches = switches;
        this.prefixes = prefixes;
        this.events = events;
        this.access = access;
        this.ledger = ledger;
        this.sql = sql;
        this.sites = sites;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    public List<OrderSummary> list(CurrentUser user, UUID tenantId, OrderState state, UUID siteId, String search, Integer limit) {
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return access.asMember(user, tenantId, m -> ledger.list(state, siteId, blank(search), max));
    }

    public OrderDetail detail(CurrentUser user, UUID tenantId, UUID orderId) {
        return access.asMember(user, tenantId, m -> ledger.detail(orderId).orElseThrow(() -> ApiException.notFound("Order")));
    }

    /** An order waiting for a person goes back to be written; the orders job runs at once. */
    public OrderDetail retry(CurrentUser user, UUID tenantId, UUID orderId) {
        UUID siteId = access.asMember(user, tenantId, m -> {
            OrderLedger.Stored order = ledger.load(orderId).orElseThrow(() -> ApiException.notFound("Order"));
            if (order.state() != OrderState.NEEDS_ATTENTION) {
                throw new ApiException(ErrorCode.CONFLICT, "Only an order that needs attention can be retried; this one is "
                        + order.state());
            }
            Site site = sites.findByIdAndTenantId(order.siteId(), tenantId).orElseThrow(() -> ApiException.notFound("Store"));
            OrderSettings settings = OrderSettings.of(site.settings());
            boolean sends = order.wooStatus().equals(settings.sendStatus());
            ledger.transitionIf(tenantId, orderId, OrderState.NEEDS_ATTENTION, sends ? OrderState.READY : OrderState.ALLOCATED,
                    "retried by " + who(user));
            audit.record(tenantId, user, "order.retry", "order", orderId.toString(), Map.of("wooNumber", order.wooNumber()));
            return order.siteId();
        });
        scheduler.runNow(tenantId, siteId, JobType.ORDERS, RunTrigger.MANUAL);
        return detail(user, tenantId, orderId);
    }

    /**
     * A person handled the order in Counterpoint: an order that needs attention is released (nothing
     * is written by us any more); a flag on a written order (cancelled after writing) is cleared.
     */
    public OrderDetail resolve(CurrentUser user, UUID tenantId, UUID orderId, String note) {
        if (note == null || note.isBlank() || note.length() > 500) {
            throw ApiException.invalidField("note", "say what was done in Counterpoint (1 to 500 characters)");
        }
        OrderLedger.Stored resolved = access.asOwner(user, tenantId, m -> {
            OrderLedger.Stored order = ledger.load(orderId).orElseThrow(() -> ApiException.notFound("Order"));
            if (order.state() == OrderState.NEEDS_ATTENTION) {
                ledger.release(orderId, "resolved by " + who(user));
                ledger.transitionIf(tenantId, orderId, OrderState.NEEDS_ATTENTION, OrderState.RELEASED,
                        "resolved by " + who(user) + ": " + note.strip());
            } else if (sql.update("UPDATE web_orders SET flag = NULL WHERE id = ? AND flag IS NOT NULL", orderId) == 0) {
                throw new ApiException(ErrorCode.CONFLICT, "The order neither needs attention nor is flagged");
            }
            audit.record(tenantId, user, "order.resolve", "order", orderId.toString(),
                    Map.of("wooNumber", order.wooNumber(), "note", note.strip()));
            return order;
        });
        if (resolved.state() == OrderState.NEEDS_ATTENTION) {
            java.util.Set<String> items = new java.util.TreeSet<>();
            resolved.lines().stream().map(OrderViews.OrderLine::itemNo).filter(java.util.Objects::nonNull).forEach(items::add);
            if (!items.isEmpty()) {
                events.publishEvent(new AllocationsChanged(tenantId, resolved.siteId(), items));
            }
        }
        return detail(user, tenantId, orderId);
    }

    public List<CustomerIdentity> customers(CurrentUser user, UUID tenantId, String email) {
        return access.asMember(user, tenantId, m -> ledger.identities(blank(email)));
    }

    public CustomerIdentity relink(CurrentUser user, UUID tenantId, UUID identityId, String custNo) {
        if (custNo == null || !CUST_NO.matcher(custNo.strip()).matches()) {
            throw ApiException.invalidField("custNo", "must be a Counterpoint customer number (1 to 15 characters)");
        }
        return access.asOwner(user, tenantId, m -> {
            CustomerIdentity before = ledger.identities(null).stream().filter(i -> i.id().equals(identityId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Customer identity"));
            CustomerIdentity after = ledger.relink(identityId, custNo.strip(), who(user)).orElseThrow();
            Map<String, Object> detail = new HashMap<>();
            detail.put("identityKey", before.identityKey());
            detail.put("from", before.custNo());
            detail.put("to", after.custNo());
            audit.record(tenantId, user, "customer.relink", "customer_identity", identityId.toString(), detail);
            return after;
        });
    }

    public Map<String, Object> allocationSettings(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, m -> Map.of("enabled", ledger.allocationEnabled(tenantId)));
    }

    public Map<String, Object> updateAllocationSettings(CurrentUser user, UUID tenantId, Boolean enabled) {
        if (enabled == null) {
            throw ApiException.invalidField("enabled", "must be true or false");
        }
        Map<String, Object> saved = access.asOwner(user, tenantId, m -> {
            ledger.setAllocationEnabled(tenantId, enabled);
            audit.record(tenantId, user, "allocation.settings", "tenant", tenantId.toString(), Map.of("enabled", enabled));
            return Map.of("enabled", enabled);
        });
        siblings.refresh(tenantId);
        return saved;
    }

    /** The store's order settings; its reference prefix is the default ("W1-"…) until one is saved. */
    public OrderSettings settings(CurrentUser user, UUID tenantId, UUID siteId) {
        return access.asMember(user, tenantId, m -> {
            OrderSettings settings = OrderSettings.of(sites.findByIdAndTenantId(siteId, tenantId)
                    .orElseThrow(() -> ApiException.notFound("Store")).settings());
            return settings.referencePrefix() != null ? settings
                    : settings.withReferencePrefix(prefixes.of(tenantId, siteId));
        });
    }

    /**
     * Saving a store's order settings starts its orders job on its interval (saved job settings, else 1 minute),
     * and the light poll once two stores share stock.
     */
    public OrderSettings updateSettings(CurrentUser user, UUID tenantId, UUID siteId, Map<String, Object> body) {
        OrderSettings saved = saveSettings(user, tenantId, siteId, body);
        java.util.Optional<Object[]> job = access.asOwner(user, tenantId, m -> sql.queryOne(
                "SELECT enabled, interval_seconds FROM job_settings WHERE site_id = ? AND job_type = 'ORDERS'",
                row -> new Object[]{row.getBoolean(1), row.getInt(2)}, siteId));
        boolean enabled = job.map(j -> (Boolean) j[0]).orElse(true);
        java.time.Duration interval = job.map(j -> java.time.Duration.ofSeconds((Integer) j[1]))
                .orElse(JobType.ORDERS.defaultInterval());
        scheduler.schedule(tenantId, siteId, JobType.ORDERS, enabled, interval);
        switches.publishEvent(new JobsSwitched(tenantId, siteId, Set.of(JobType.ORDERS),
                JobsSwitched.Change.SETTINGS_SAVED));
        siblings.refresh(tenantId);
        return saved;
    }

    private OrderSettings saveSettings(CurrentUser user, UUID tenantId, UUID siteId, Map<String, Object> body) {
        OrderSettings asked = OrderSettings.of(Map.of("orders", body == null ? Map.of() : body));
        return access.asOwner(user, tenantId, m -> {
            sites.findByIdAndTenantId(siteId, tenantId).orElseThrow(() -> ApiException.notFound("Store"));
            OrderSettings settings = prefixes.toSave(tenantId, siteId, asked);
            try {
                sql.update("UPDATE sites SET settings = jsonb_set(settings, '{orders}', ?::jsonb), updated_at = now() WHERE id = ?",
                        JSON.writeValueAsString(settings.toMap()), siteId);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            audit.record(tenantId, user, "store.order-settings", "site", siteId.toString(), settings.toMap());
            return settings;
        });
    }

    private static String who(CurrentUser user) {
        return user.email() == null ? user.subject() : user.email();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
