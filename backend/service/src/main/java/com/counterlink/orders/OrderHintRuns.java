package com.counterlink.orders;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.SiteStatus;
import com.counterlink.stores.WebhookHintStored;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncScheduler;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * An order webhook is a hint: a store whose order settings were saved runs its orders job now instead of
 * at its interval. (A store without them takes no orders yet.)
 */
@Singleton
class OrderHintRuns {

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final SyncScheduler scheduler;

    OrderHintRuns(TenantTransactions transactions, SiteRepository sites, SyncScheduler scheduler) {
        this.transactions = transactions;
        this.sites = sites;
        this.scheduler = scheduler;
    }

    @EventListener
    void onHint(WebhookHintStored hint) {
        if (!hint.topic().startsWith("order.")) {
            return;
        }
        boolean takesOrders = transactions.inTenant(hint.tenantId(), null, () -> sites.findByIdAndTenantId(hint.siteId(), hint.tenantId())
                .filter(s -> s.status() != SiteStatus.REMOVED && s.settings() != null && s.settings().containsKey("orders"))
                .isPresent());
        if (takesOrders) {
            scheduler.runNow(hint.tenantId(), hint.siteId(), JobType.ORDERS, RunTrigger.CHANGE);
        }
    }
}
