package com.counterlink.billing;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.StoreChanged;
import com.counterlink.sync.JobsSwitched;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The meter: after every change that can make a store billable or free (its events), derives the store's
 * state from the tables and appends a history row when it differs from the last one. The daily reconcile
 * does the same for every store and appends a correcting row for any change whose event was missed.
 */
@Singleton
public class StoreMeter {

    private static final Logger LOG = LoggerFactory.getLogger(StoreMeter.class);

    private final TenantTransactions transactions;
    private final StoreStates states;
    private final MeterHistory history;
    private final Clock clock;

    StoreMeter(TenantTransactions transactions, StoreStates states, MeterHistory history) {
        this.transactions = transactions;
        this.states = states;
        this.history = history;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void onStoreChanged(StoreChanged event) {
        recordSafely(event.tenantId(), event.siteId(), BillingReason.of(event.change()));
    }

    @EventListener
    void onJobsSwitched(JobsSwitched event) {
        recordSafely(event.tenantId(), event.siteId(), BillingReason.of(event.change()));
    }

    /** The change is already committed: a failure here must not fail it; the daily reconcile corrects the history. */
    private void recordSafely(UUID tenantId, UUID siteId, BillingReason reason) {
        try {
            record(tenantId, siteId, reason);
        } catch (RuntimeException e) {
            LOG.warn("billing state of store {} not recorded after {}; the daily reconcile will correct it", siteId,
                    reason, e);
        }
    }

    /** Answers whether a row was appended. */
    public boolean record(UUID tenantId, UUID siteId, BillingReason reason) {
        return transactions.inTenant(tenantId, null, () -> {
            history.lock(siteId);
            return states.of(tenantId, siteId)
                    .filter(state -> state.billable() != history.lastBillable(siteId).orElse(false))
                    .map(state -> {
                        history.append(tenantId, siteId, now(), state, reason);
                        return true;
                    })
                    .orElse(false);
        });
    }

    /** Every store of the tenant whose history disagrees with its tables gets a correcting row; answers which. */
    public List<UUID> reconcile(UUID tenantId) {
        return transactions.inTenant(tenantId, null, () -> {
            List<UUID> stores = states.all(tenantId).keySet().stream().sorted().toList();
            stores.forEach(history::lock); // one order for every taker of these locks: no deadlock
            Map<UUID, BillableState> now = states.all(tenantId);
            Map<UUID, Boolean> last = history.lastBillableOfEveryStore();
            List<UUID> corrected = new ArrayList<>();
            Instant at = now();
            for (UUID siteId : stores) {
                BillableState state = now.get(siteId);
                if (state.billable() != last.getOrDefault(siteId, false)) {
                    history.append(tenantId, siteId, at, state, BillingReason.RECONCILE);
                    corrected.add(siteId);
                }
            }
            return corrected;
        });
    }

    /** The stores billable right now (what a subscription's quantity follows). */
    public List<UUID> billableStoresNow(UUID tenantId) {
        return transactions.inTenant(tenantId, null, history::billableNow);
    }

    private Instant now() {
        return clock.instant();
    }
}
