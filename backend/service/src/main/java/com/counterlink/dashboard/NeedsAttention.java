package com.counterlink.dashboard;

import com.counterlink.bridge.BridgeView;
import com.counterlink.dashboard.DashboardViews.Attention;
import com.counterlink.dashboard.DashboardViews.AttentionKind;
import com.counterlink.dashboard.DashboardViews.OrderCounts;
import com.counterlink.dashboard.DashboardViews.Severity;
import com.counterlink.dashboard.DashboardViews.StoreSummary;
import com.counterlink.sync.CounterpointUnreachableException;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunStatus;
import com.counterlink.sync.SyncRun;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What needs the retailer right now, in words, with the action to take; the most urgent first. */
final class NeedsAttention {

    private NeedsAttention() {
    }

    static List<Attention> of(List<BridgeView> bridges, List<StoreSummary> stores, OrderCounts orders, List<SyncRun> failedRuns) {
        return of(bridges, stores, orders, failedRuns, ZoneOffset.UTC);
    }

    /** {@code zone}: the time zone times are told in (the dashboard's). */
    static List<Attention> of(List<BridgeView> bridges, List<StoreSummary> stores, OrderCounts orders, List<SyncRun> failedRuns,
                              ZoneId zone) {
        List<Attention> found = new ArrayList<>();
        List<BridgeView> enrolled = bridges.stream().filter(b -> "ENROLLED".equals(b.status())).toList();
        if (enrolled.isEmpty()) {
            found.add(new Attention(AttentionKind.NO_BRIDGE, Severity.CRITICAL, "No bridge is installed",
                    "Counterlink reaches Counterpoint only through the bridge on your Counterpoint server.",
                    "Install the bridge: create a one-time token on the Bridge page and run the command it shows.",
                    null, null, null, 0));
        } else if (enrolled.stream().noneMatch(BridgeView::online)) {
            found.add(new Attention(AttentionKind.BRIDGE_OFFLINE, Severity.CRITICAL, "The bridge is offline",
                    "Nothing reaches Counterpoint while it is offline: orders wait and stock and prices are not updated. "
                            + "Everything catches up when it is back.",
                    "Check that the Counterlink bridge is running on the Counterpoint server and that the server can reach the internet.",
                    null, null, null, enrolled.size()));
        } else if (enrolled.stream().filter(BridgeView::online).allMatch(BridgeView::waitingForCounterpoint)) {
            found.add(counterpointUnreachable(enrolled.stream().filter(BridgeView::online).toList(), zone));
        }
        for (StoreSummary store : stores) {
            if ("DISCONNECTED".equals(store.status())) {
                found.add(new Attention(AttentionKind.STORE_DISCONNECTED, Severity.CRITICAL, "“" + store.name() + "” is disconnected",
                        store.statusReason() == null ? "WooCommerce no longer accepts Counterlink's keys." : store.statusReason(),
                        "Open the store and link it again, or enter new API keys.", store.id(), null, null, 0));
            } else if ("PENDING".equals(store.status())) {
                found.add(new Attention(AttentionKind.STORE_PENDING, Severity.WARNING, "“" + store.name() + "” waits for approval",
                        "Counterlink cannot sync the store until WooCommerce grants it access.",
                        "Open the store and approve access in WooCommerce, or enter API keys by hand.", store.id(), null, null, 0));
            }
        }
        if (orders.needsAttention() > 0) {
            found.add(new Attention(AttentionKind.ORDERS_NEED_ATTENTION, Severity.CRITICAL,
                    plural(orders.needsAttention(), "web order needs", "web orders need") + " attention",
                    "They are not in Counterpoint yet; each one says why.",
                    "Open each order: fix what its reason says and press Retry, or enter it in Counterpoint by hand and Resolve it with a note.",
                    null, null, null, orders.needsAttention()));
        }
        if (orders.flagged() > 0) {
            found.add(new Attention(AttentionKind.ORDERS_FLAGGED, Severity.WARNING,
                    plural(orders.flagged(), "order is", "orders are") + " flagged for you",
                    "Cancelled, refunded or edited in WooCommerce after reaching Counterpoint, or oversold: two stores sold"
                            + " the same last unit.",
                    "Open each flagged order and do what its flag says in WooCommerce or Counterpoint, then Resolve it with a note.",
                    null, null, null, orders.flagged()));
        }
        Map<UUID, StoreSummary> byId = stores.stream().collect(Collectors.toMap(StoreSummary::id, Function.identity()));
        for (SyncRun run : failedRuns) {
            StoreSummary store = byId.get(run.siteId());
            if (store == null) {
                continue; // a removed store
            }
            String job = run.jobType().name().toLowerCase();
            if (run.status() == RunStatus.PARTIAL && run.jobType() == JobType.ORDERS) {
                continue; // an order that failed waits in NEEDS_ATTENTION and is counted there
            }
            if (run.status() == RunStatus.FAILED) {
                found.add(new Attention(AttentionKind.RUN_FAILED, Severity.WARNING, "The " + job + " sync of “" + store.name() + "” failed",
                        run.statusReason() == null ? "The last run stopped with an error." : run.statusReason(),
                        "Open the run to see why, fix it, then start the sync again.", store.id(), run.jobType(), run.id(), 0));
            } else {
                found.add(new Attention(AttentionKind.FAILED_ITEMS, Severity.WARNING,
                        plural(run.itemsFailed(), "item", "items") + " failed in the " + job + " sync of “" + store.name() + "”",
                        "The other items went through; these stay as they were in WooCommerce.",
                        "Open the run: each item says what happened and what to do. Fix it, then press Retry.",
                        store.id(), run.jobType(), run.id(), run.itemsFailed()));
            }
        }
        found.sort(Comparator.comparing(Attention::severity));
        return found;
    }

    /** The bridge is online but Counterpoint's database does not answer it: the runs wait, nothing failed. */
    private static Attention counterpointUnreachable(List<BridgeView> online, ZoneId zone) {
        BridgeView first = online.stream().min(Comparator.comparing(BridgeView::counterpointUnreachableSince,
                Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
        return new Attention(AttentionKind.COUNTERPOINT_UNREACHABLE, Severity.CRITICAL,
                CounterpointUnreachableException.MESSAGE,
                "The bridge “" + first.name() + "” is online, but Counterpoint's database has not answered it since "
                        + SINCE.withZone(zone).format(first.counterpointUnreachableSince()) + " (" + zone.getId() + "). Orders wait (nothing is lost) and stock and prices are"
                        + " not updated; everything resumes by itself when Counterpoint answers.",
                "On the Counterpoint server, check that Counterpoint's SQL Server is running (Windows: Services, \"SQL"
                        + " Server\") and that the bridge's database user and password still work. In the bridge's folder,"
                        + " java -jar counterlink-bridge.jar doctor tells what is wrong; the bridge's log has the database's"
                        + " own message.",
                null, null, null, online.size());
    }

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
