package com.counterlink.orders;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.CallOutcome;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.DocumentLine;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.operations.MiscCharge;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.WriteDocument;
import com.counterlink.orders.OrderViews.OrderLine;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.StoreClients;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.CounterpointUnreachableException;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SyncContext;
import com.counterlink.sync.SyncJob;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The orders job of a store: takes in new and changed WooCommerce orders (webhook hints, then a
 * {@code modified_after} poll that looks back a window before its watermark), writes the orders in
 * the sending status to Counterpoint exactly once (under their order key) on the right customer, and
 * moves written orders to posted when Counterpoint posts them, releasing their allocation.
 */
@Singleton
public class OrdersJob implements SyncJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersJob.class);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final int MAX_PASSES = 5;
    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final StoreClients clients;
    private final BridgeCalls bridge;
    private final OrderLedger ledger;
    private final ApplicationEventPublisher<AllocationsChanged> events;
    private final SiblingStores siblings;
    private final ReferencePrefixes prefixes;

    OrdersJob(TenantTransactions transactions, SiteRepository sites, StoreClients clients, BridgeCalls bridge,
              OrderLedger ledger, ApplicationEventPublisher<AllocationsChanged> events, SiblingStores siblings,
              ReferencePrefixes prefixes) {
        this.siblings = siblings;
        this.prefixes = prefixes;
        this.transactions = transactions;
        this.sites = sites;
        this.clients = clients;
        this.bridge = bridge;
        this.ledger = ledger;
        this.events = events;
    }

    /** Items whose allocation this run changed, per run (the job runs once per store at a time). */
    private final ThreadLocal<Set<String>> changedItems = ThreadLocal.withInitial(TreeSet::new);

    @Override
    public JobType type() {
        return JobType.ORDERS;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        UUID tenant = context.tenantId();
        Site site = transactions.inTenant(tenant, null, () -> sites.findByIdAndTenantId(context.siteId(), tenant))
                .orElseThrow(() -> new IllegalStateException("the store no longer exists"));
        // the store's reference prefix is fixed (saved) before its first order is written with it
        OrderSettings settings = transactions.inTenant(tenant, null,
                () -> prefixes.saved(tenant, site.id(), OrderSettings.of(site.settings())));
        // keeps the light poll on exactly the stores that share stock, whatever changed since the last run
        siblings.refresh(tenant);
        changedItems.get().clear();
        try {
            intake(context, site, settings);
            // sibling stores hear of new allocations now, not after the (slower) writing
            announce(tenant, site.id());
            write(context, site, settings);
            // webhooks that arrived during this run could not start their own (the store's job lock is ours): take
            // their orders now instead of at the next interval
            for (int pass = 0; pass < MAX_PASSES && hintsWaiting(tenant, site.id()); pass++) {
                intake(context, site, settings);
                announce(tenant, site.id());
                write(context, site, settings);
            }
            posted(context, site);
        } finally {
            announce(tenant, site.id());
            changedItems.remove();
        }
    }

    private boolean hintsWaiting(UUID tenant, UUID siteId) {
        return !transactions.inTenant(tenant, null, () -> ledger.pendingOrderHints(siteId)).isEmpty();
    }

    private void announce(UUID tenant, UUID siteId) {
        Set<String> items = Set.copyOf(changedItems.get());
        changedItems.get().clear();
        if (!items.isEmpty()) {
            events.publishEvent(new AllocationsChanged(tenant, siteId, items));
        }
    }

    // ---- intake ----------------------------------------------------------------------------------

    void intake(SyncContext context, Site site, OrderSettings settings) {
        UUID tenant = context.tenantId();
        WooClient woo = clients.client(site);
        // webhook hints first: they are seconds old; the poll below is the backstop for missed ones
        List<OrderLedger.Hint> hints = transactions.inTenant(tenant, null, () -> ledger.pendingOrderHints(site.id()));
        List<Long> consumed = new ArrayList<>();
        Map<Long, Boolean> seen = new LinkedHashMap<>();
        for (OrderLedger.Hint hint : hints) {
            if (!seen.containsKey(hint.resourceId())) {
                try {
                    JsonNode order = woo.get("orders/" + hint.resourceId());
                    take(context, site, settings, WooOrder.parse(order), "webhook");
                    seen.put(hint.resourceId(), true);
                } catch (WooException e) {
                    if (e.httpStatus() == 404) {
                        seen.put(hint.resourceId(), false);
                    } else {
                        LOG.warn("Order {} of store {} could not be read for a webhook hint: {}", hint.resourceId(),
                                site.id(), e.getMessage());
                        continue;
                    }
                }
            }
            consumed.add(hint.id());
        }
        transactions.inTenant(tenant, null, () -> {
            ledger.consumeHints(consumed);
            return null;
        });

        Instant watermark = transactions.inTenant(tenant, null, () -> ledger.watermark(site.id()))
                .orElseGet(() -> (site.linkedAt() == null ? site.createdAt() : site.linkedAt()).minus(1, ChronoUnit.HOURS));
        Instant since = context.full() ? watermark.minus(30, ChronoUnit.DAYS)
                : watermark.minus(settings.lookbackMinutes(), ChronoUnit.MINUTES);
        List<JsonNode> changed = woo.listAll("orders", Map.of("modified_after",
                WOO_DATE.format(LocalDateTime.ofInstant(since, ZoneOffset.UTC)), "dates_are_gmt", "true",
                "orderby", "id", "order", "asc"));
        context.log().read(changed.size() + seen.size());
        Instant newest = watermark;
        for (JsonNode node : changed) {
            WooOrder order = WooOrder.parse(node);
            if (!seen.containsKey(order.id())) {
                take(context, site, settings, order, "poll");
            }
            Instant modified = order.modifiedInstant();
            if (modified != null && modified.isAfter(newest)) {
                newest = modified;
            }
        }
        Instant mark = newest;
        transactions.inTenant(tenant, null, () -> {
            ledger.saveWatermark(tenant, site.id(), mark);
            return null;
        });
    }

    private void take(SyncContext context, Site site, OrderSettings settings, WooOrder order, String source) {
        ItemOutcome outcome = transactions.inTenant(context.tenantId(), null,
                () -> ledger.ingest(context.tenantId(), site.id(), order, settings, source));
        if (outcome != ItemOutcome.UNCHANGED) {
            order.lines().stream().map(WooOrder.Line::itemNo).filter(java.util.Objects::nonNull)
                    .forEach(changedItems.get()::add);
        }
        context.log().outcome("order " + order.number(), outcome);
    }

    // ---- writing ---------------------------------------------------------------------------------

    void write(SyncContext context, Site site, OrderSettings settings) throws BridgeOfflineException {
        UUID tenant = context.tenantId();
        // page by page until every READY order was tried once in this run (those that stay READY wait for the next)
        Set<UUID> tried = new java.util.HashSet<>();
        while (true) {
            List<UUID> ready = transactions.inTenant(tenant, null, () -> ledger.inState(site.id(), OrderState.READY,
                    tried.size() + 1000)).stream().filter(id -> !tried.contains(id)).toList();
            if (ready.isEmpty()) {
                return;
            }
            for (UUID id : ready) {
                tried.add(id);
                Optional<OrderLedger.Stored> order = transactions.inTenant(tenant, null, () -> ledger.load(id));
                if (order.isEmpty() || order.get().state() != OrderState.READY) {
                    continue;
                }
                writeOne(context, site, settings, order.get());
            }
        }
    }

    /** Thrown inside writing when a person must act; the order waits in NEEDS_ATTENTION with the message. */
    static final class Attention extends Exception {
        final String code;

        Attention(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The bridge or Counterpoint cannot be reached, or did not answer: the order stays READY for the next run. */
    static final class Later extends Exception {
        enum Why { BRIDGE_OFFLINE, COUNTERPOINT_UNREACHABLE, NO_ANSWER }

        final Why why;

        Later(Why why, String message) {
            super(message);
            this.why = why;
        }
    }

    private void writeOne(SyncContext context, Site site, OrderSettings settings, OrderLedger.Stored stored)
            throws BridgeOfflineException {
        UUID tenant = context.tenantId();
        String item = "order " + stored.wooNumber();
        OrderLedger.Stored order = stored;
        try {
            if (!order.chargeTaxesKnown()) {
                Optional<OrderLedger.Stored> reread = withChargeTaxes(context, site, settings, order);
                if (reread.isEmpty()) {
                    return;
                }
                order = reread.get();
            }
            document(order, settings, "CUSTOMER"); // validate before any customer is created
            String custNo = customer(tenant, site, order);
            WriteDocument document = document(order, settings, custNo);
            WriteDocument.Result written = write(tenant, document);
            boolean moved = transactions.inTenant(tenant, null, () -> ledger.markWritten(tenant, stored.id(), custNo,
                    written.docId(), written.ticketNo(), written.firstWrite(), document.documentType(), document.reference()));
            if (moved && document.documentType() == 'O') {
                // the hold was released: every store's web quantity is Counterpoint's available (less buffers) again
                document.lines().forEach(line -> changedItems.get().add(line.itemNo()));
            }
            context.log().outcome(item, moved ? ItemOutcome.CREATED : ItemOutcome.SKIPPED);
        } catch (Attention e) {
            transactions.inTenant(tenant, null, () -> ledger.transitionIf(tenant, stored.id(), OrderState.READY,
                    OrderState.NEEDS_ATTENTION, e.getMessage()));
            context.log().failed(item, e.code, e.getMessage(), "Fix the cause, then retry the order (or resolve it if it"
                    + " was entered in Counterpoint by hand)");
        } catch (Later e) {
            switch (e.why) {
                case BRIDGE_OFFLINE -> throw new BridgeOfflineException("The Counterpoint bridge is offline; orders wait"
                        + " and are written when it returns");
                // not this order's failure: every order waits the same, so the run ends here without listing any
                case COUNTERPOINT_UNREACHABLE -> throw new CounterpointUnreachableException("orders wait and are written"
                        + " when it answers");
                case NO_ANSWER -> context.log().failed(item, "BRIDGE_TIMEOUT", e.getMessage(), "Nothing to do: the next"
                        + " run retries, and the order is written at most once");
            }
        }
    }

    /**
     * Writes the document. A bridge that predates partly taxable misc charges refuses one as an unknown field
     * (nothing is written): the order then waits with what to do rather than the bridge's parsing message.
     */
    private WriteDocument.Result write(UUID tenant, WriteDocument document) throws Attention, Later {
        try {
            return call(tenant, document, "write the order");
        } catch (Attention e) {
            throw explained(e, document);
        }
    }

    /** The bridge's refusal of {@code document}, told as what to do when the bridge only predates partly taxable charges. */
    static Attention explained(Attention refusal, WriteDocument document) {
        boolean partlyTaxable = document.miscCharges().stream().anyMatch(c -> c.taxableAmount() != null);
        if (partlyTaxable && refusal.code.equals("INVALID_PARAMETERS") && refusal.getMessage().contains("taxableAmount")) {
            return new Attention("BRIDGE_OUTDATED", "the order has taxed and untaxed fees on one misc charge, which this"
                    + " bridge cannot write yet: update the bridge, then retry the order (nothing was written)");
        }
        return refusal;
    }

    /**
     * An order taken in before the ledger kept what WooCommerce taxed of its shipping and fees is read from
     * WooCommerce again, so its document is taxed as WooCommerce charged it. Answers it if it is still READY;
     * empty when it moved on (edited, cancelled) or WooCommerce could not be read (the next run tries again).
     */
    private Optional<OrderLedger.Stored> withChargeTaxes(SyncContext context, Site site, OrderSettings settings,
                                                         OrderLedger.Stored order) throws Attention {
        UUID tenant = context.tenantId();
        WooOrder current;
        try {
            current = WooOrder.parse(clients.client(site).get("orders/" + order.wooOrderId()));
        } catch (WooException e) {
            if (e.httpStatus() == 404) {
                throw new Attention("NOT_FOUND", "the order is no longer in WooCommerce, so the tax on its shipping and fees"
                        + " cannot be read: enter it in Counterpoint by hand, then resolve it");
            }
            context.log().failed("order " + order.wooNumber(), "WOO_UNAVAILABLE", "WooCommerce could not be read for the tax"
                    + " on the order's shipping and fees: " + e.getMessage(), "Nothing to do: the next run reads it again");
            return Optional.empty();
        }
        take(context, site, settings, current, "reading the tax on its shipping and fees");
        return transactions.inTenant(tenant, null, () -> {
            ledger.keepChargeTaxes(order.id(), current);
            return ledger.load(order.id());
        }).filter(o -> o.state() == OrderState.READY && o.chargeTaxesKnown());
    }

    /** The document for an order; validates amounts so Counterpoint's totals equal WooCommerce's to the cent. */
    static WriteDocument document(OrderLedger.Stored order, OrderSettings settings, String custNo) throws Attention {
        List<DocumentLine> lines = new ArrayList<>();
        BigDecimal linesTotal = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            if (line.itemNo() == null) {
                throw new Attention("UNKNOWN_SKU", "line " + line.lineNo() + " (" + line.name() + ") has no SKU");
            }
            if (line.qty().signum() <= 0) {
                throw new Attention("VALIDATION", "line " + line.lineNo() + " has quantity " + line.qty());
            }
            // the gross unit price (before coupons) and the coupon as the line's discount: Counterpoint shows both
            // and subtracts the discount once (TOT_LIN_DISC)
            BigDecimal price = line.subtotal().divide(line.qty(), 4, RoundingMode.HALF_UP);
            if (price.multiply(line.qty()).setScale(2, RoundingMode.HALF_UP).compareTo(line.subtotal()) != 0) {
                throw new Attention("VALIDATION", "line " + line.lineNo() + ": " + line.subtotal() + " for " + line.qty()
                        + " cannot be a unit price to 4 decimals; enter it in Counterpoint by hand");
            }
            BigDecimal discount = line.subtotal().subtract(line.total());
            if (discount.signum() < 0) {
                throw new Attention("VALIDATION", "line " + line.lineNo() + " costs more (" + line.total()
                        + ") than before discounts (" + line.subtotal() + "); enter it in Counterpoint by hand");
            }
            String[] dims = line.cell().split("\\|", -1);
            try {
                lines.add(new DocumentLine(line.itemNo(), dims[0], dims.length > 1 ? dims[1] : "*",
                        dims.length > 2 ? dims[2] : "*", line.qty(), price, discount));
            } catch (InvalidParameterException e) {
                throw new Attention("VALIDATION", "line " + line.lineNo() + " (SKU " + line.sku() + "): " + e.getMessage());
            }
            linesTotal = linesTotal.add(line.total());
        }
        if (!order.chargeTaxesKnown()) {
            throw new Attention("VALIDATION", "the tax on the order's shipping and fees is not known; retry the order");
        }
        if (negativeCharge(order.shippingTotal(), order.taxableShipping()) || negativeCharge(order.feeTotal(), order.taxableFees())) {
            throw new Attention("VALIDATION", "shipping " + order.shippingTotal() + " (taxed " + order.taxableShipping()
                    + "), fees " + order.feeTotal() + " (taxed " + order.taxableFees()
                    + "): negative charges must be entered by hand");
        }
        // shipping and fees are separate misc charges, so Counterpoint's reports tell them apart; each is taxable as far as
        // WooCommerce charged tax on it, so Counterpoint's taxable base is the one the tax was levied on
        List<MiscCharge> charges = new ArrayList<>();
        try {
            if (order.shippingTotal().signum() > 0) {
                charges.add(MiscCharge.withTaxablePart(settings.shippingMiscCharge(), order.shippingTotal(),
                        order.taxableShipping()));
            }
            if (order.feeTotal().signum() > 0) {
                charges.add(MiscCharge.withTaxablePart(settings.feeMiscCharge(), order.feeTotal(), order.taxableFees()));
            }
        } catch (InvalidParameterException e) {
            throw new Attention("VALIDATION", e.getMessage());
        }
        BigDecimal misc = order.shippingTotal().add(order.feeTotal());
        BigDecimal documentTotal = linesTotal.add(misc).add(order.totalTax());
        if (documentTotal.compareTo(order.total()) != 0) {
            throw new Attention("TOTALS", "lines " + linesTotal + " + shipping " + order.shippingTotal() + " + fees "
                    + order.feeTotal() + " + tax " + order.totalTax() + " = " + documentTotal + ", but WooCommerce charged "
                    + order.total());
        }
        try {
            return new WriteDocument(order.orderKey(), settings.documentType().charAt(0), settings.storeId(),
                    settings.stationId(), settings.drawerId(), custNo, settings.taxCode(),
                    settings.payCodeFor(order.paymentMethod()), lines, misc, order.totalTax(), settings.reference(order.wooNumber()),
                    charges);
        } catch (InvalidParameterException e) {
            throw new Attention("VALIDATION", e.getMessage());
        }
    }

    /** A charge, or the taxed or untaxed part of it, below zero (a discount given as a fee line, say). */
    private static boolean negativeCharge(BigDecimal total, BigDecimal taxed) {
        return total.signum() < 0 || taxed.signum() < 0 || total.subtract(taxed).signum() < 0;
    }

    /**
     * The order's Counterpoint customer: the stored link when there is one (even if the email changed
     * since), else the lowest CUST_NO whose EMAIL_ADRS_1 matches, else a new customer from the billing
     * address. Registered customers are known per store by their WooCommerce id, guests by email.
     */
    String customer(UUID tenant, Site site, OrderLedger.Stored order) throws Attention, Later {
        String key = order.wooCustomerId() > 0 ? "site:" + site.id() + ":customer:" + order.wooCustomerId()
                : "guest:" + order.email();
        Optional<String> linked = transactions.inTenant(tenant, null, () -> ledger.identity(key));
        if (linked.isPresent()) {
            return linked.get();
        }
        if (order.email() == null) {
            throw new Attention("NO_EMAIL", "the order has no billing email, so its customer cannot be matched;"
                    + " resolve it in Counterpoint by hand");
        }
        FindCustomersByEmail.Result found;
        try {
            found = call(tenant, new FindCustomersByEmail(order.email()), "find the customer");
        } catch (InvalidParameterException e) {
            throw new Attention("VALIDATION", "billing email: " + e.getMessage());
        }
        String custNo;
        String how;
        if (!found.customers().isEmpty()) {
            custNo = found.customers().get(0).customerNo();
            how = "EMAIL_MATCH";
        } else {
            JsonNode billing = billing(order);
            String webKey = order.wooCustomerId() > 0 ? "w" + site.id().toString().replace("-", "") + "-" + order.wooCustomerId()
                    : "g" + sha(order.email()).substring(0, 40);
            CreateCustomer create;
            try {
                create = new CreateCustomer(webKey, cut(billing.path("first_name").asText(""), 15, "Web"),
                        cut(billing.path("last_name").asText(""), 25, "Customer"), order.email(),
                        cut(billing.path("phone").asText(""), 25, null), cut(billing.path("address_1").asText(""), 40, null),
                        cut(billing.path("address_2").asText(""), 40, null), cut(billing.path("city").asText(""), 20, null),
                        cut(billing.path("state").asText(""), 10, null), cut(billing.path("postcode").asText(""), 15, null),
                        cut(billing.path("country").asText(""), 20, null));
            } catch (InvalidParameterException e) {
                throw new Attention("VALIDATION", "billing address: " + e.getMessage());
            }
            custNo = call(tenant, create, "create the customer").customer().customerNo();
            how = "CREATED";
        }
        String chosen = custNo;
        return transactions.inTenant(tenant, null, () -> ledger.link(tenant, order.wooCustomerId() > 0 ? site.id() : null,
                key, order.email(), order.wooCustomerId(), chosen, how));
    }

    private <R> R call(UUID tenant, com.counterlink.bridge.protocol.OperationRequest<R> request, String what)
            throws Attention, Later {
        CallOutcome<R> outcome = bridge.call(tenant, request, CALL);
        return switch (outcome) {
            case CallOutcome.Completed<R> done -> done.result();
            case CallOutcome.BridgeOffline<R> offline -> throw new Later(Later.Why.BRIDGE_OFFLINE, "bridge offline");
            case CallOutcome.TimedOut<R> timedOut -> throw new Later(Later.Why.NO_ANSWER, "the bridge did not answer in time to "
                    + what);
            case CallOutcome.Failed<R> failed when failed.counterpointUnreachable() ->
                    throw new Later(Later.Why.COUNTERPOINT_UNREACHABLE, "Counterpoint is not answering");
            case CallOutcome.Failed<R> failed -> {
                if (failed.code().retryable()) {
                    throw new Later(Later.Why.NO_ANSWER, "Counterpoint could not " + what + ": " + failed.reason());
                }
                throw new Attention(failed.code().name(), "Counterpoint refused to " + what + ": " + failed.reason());
            }
        };
    }

    // ---- posted detection ------------------------------------------------------------------------

    void posted(SyncContext context, Site site) throws BridgeOfflineException {
        UUID tenant = context.tenantId();
        changedItems.get().addAll(transactions.inTenant(tenant, null, () -> ledger.releaseWrittenOpenOrders(site.id())));
        List<OrderLedger.Written> written = transactions.inTenant(tenant, null, () -> ledger.written(site.id(), 5000));
        for (List<OrderLedger.Written> batch : OrderLedger.batches(written, 500)) {
            CallOutcome<ReadPostedDocuments.Result> outcome = bridge.call(tenant,
                    new ReadPostedDocuments(batch.stream().map(OrderLedger.Written::orderKey).toList()), CALL);
            if (outcome instanceof CallOutcome.BridgeOffline<?>) {
                throw new BridgeOfflineException("The Counterpoint bridge is offline; posted tickets are checked when it returns");
            }
            if (outcome instanceof CallOutcome.Failed<?> failed && failed.counterpointUnreachable()) {
                throw new CounterpointUnreachableException("posted tickets are checked when it answers");
            }
            if (!(outcome instanceof CallOutcome.Completed<ReadPostedDocuments.Result> done)) {
                LOG.warn("Posted documents of store {} could not be read: {}", site.id(), outcome);
                return;
            }
            Map<String, UUID> byKey = new LinkedHashMap<>();
            batch.forEach(w -> byKey.put(w.orderKey(), w.id()));
            for (ReadPostedDocuments.Status status : done.result().documents()) {
                if (status.posted()) {
                    changedItems.get().addAll(transactions.inTenant(tenant, null, () -> {
                        ledger.markPosted(tenant, byKey.get(status.orderKey()), status.ticketNo());
                        return ledger.allocations(byKey.get(status.orderKey())).stream()
                                .map(OrderViews.Allocation::itemNo).toList();
                    }));
                    context.log().outcome("order key " + status.orderKey(), ItemOutcome.UPDATED);
                }
            }
        }
    }

    private static JsonNode billing(OrderLedger.Stored order) {
        try {
            return JSON.readTree(order.billingJson());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String cut(String value, int max, String fallback) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return fallback;
        }
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static String sha(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
