package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.SiteStatus;
import com.counterlink.stores.StoreClients;
import com.counterlink.woo.WooClient;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The store a catalog run writes to: its settings and its WooCommerce client. */
@Singleton
public class CatalogTarget {

    public record Target(Site site, CatalogSettings settings, WooClient woo) {
    }

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final CatalogSettingsStore settings;
    private final StoreClients clients;

    public CatalogTarget(TenantTransactions transactions, SiteRepository sites, CatalogSettingsStore settings, StoreClients clients) {
        this.transactions = transactions;
        this.sites = sites;
        this.settings = settings;
        this.clients = clients;
    }

    public Target open(UUID tenantId, UUID siteId) {
        return transactions.inTenant(tenantId, null, () -> {
            Site site = sites.findByIdAndTenantId(siteId, tenantId)
                    .orElseThrow(() -> new IllegalStateException("The store no longer exists"));
            if (site.status() != SiteStatus.ACTIVE) {
                throw new IllegalStateException("The store is " + site.status().name().toLowerCase()
                        + "; link it again (or resume it) to sync");
            }
            return new Target(site, settings.load(siteId), clients.client(site));
        });
    }
}
