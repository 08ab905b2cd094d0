package com.counterlink.stores;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.woo.SiteAddress;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What a store calls itself (WordPress's home_url), read from the store and kept on the site:
 * {@code system_status} when a signed read works, else WordPress's public REST index, because a
 * signed read fails exactly when we call the store by another name than its own.
 */
@Singleton
public class SiteAddresses {

    /** Reading the address is a side errand of linking: it must not hold a person or WooCommerce long. */
    static final WooClientConfig QUICK = WooClientConfig.defaults().withReadTimeout(Duration.ofSeconds(15)).withMaxAttempts(1);
    private static final Logger LOG = LoggerFactory.getLogger(SiteAddresses.class);

    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final StoreClients clients;

    public SiteAddresses(TenantTransactions transactions, SiteRepository sites, StoreClients clients) {
        this.transactions = transactions;
        this.sites = sites;
        this.clients = clients;
    }

    /** The home_url (else site_url) a system_status answer names. */
    static Optional<String> fromStatus(JsonNode systemStatus) {
        JsonNode environment = systemStatus.path("environment");
        return SiteAddress.parse(environment.path("home_url").asText(""))
                .or(() -> SiteAddress.parse(environment.path("site_url").asText("")));
    }

    /** The home (else url) WordPress's public REST index names; empty when the store does not answer it. */
    Optional<String> fromIndex(Site site) {
        try {
            JsonNode index = clients.publicClient(site, QUICK).restIndex();
            return SiteAddress.parse(index.path("home").asText("")).or(() -> SiteAddress.parse(index.path("url").asText("")));
        } catch (WooException | IllegalArgumentException e) {
            LOG.info("Store {} did not answer WordPress's REST index: {}", site.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Asks the store what it calls itself and keeps the answer; answers the site as it is now. */
    public Site learn(Site site) {
        Optional<String> own = Optional.empty();
        if (site.hasCredentials()) {
            try {
                own = fromStatus(clients.client(site, QUICK).get("system_status"));
            } catch (WooException e) {
                LOG.info("Store {} did not give its system_status while reading its address: {}", site.id(), e.storeMessage());
                if (e.code().isTransient()) {
                    return site; // the store is not reachable now; its index would not be either
                }
            }
        }
        if (own.isEmpty()) {
            own = fromIndex(site);
        }
        return own.map(home -> record(site, home)).orElse(site);
    }

    /** For background work that needs signed requests to work: asks only while the address is unknown. */
    public Site learnIfUnknown(Site site) {
        return site.homeUrl() == null ? learn(site) : site;
    }

    /** After WooCommerce's callback, which must not wait on its own store: on a virtual thread. */
    void learnSoon(UUID tenantId, UUID siteId) {
        Thread.ofVirtual().name("site-address-" + siteId).start(() -> {
            try {
                Site site = transactions.inTenant(tenantId, null, () -> sites.findByIdAndTenantId(siteId, tenantId).orElse(null));
                if (site != null && site.status() != SiteStatus.REMOVED) {
                    learn(site);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read the own address of store {}: {}", siteId, e.getMessage());
            }
        });
    }

    /** Keeps what the store calls itself when it is new to us; answers the site with it. */
    Site record(Site site, String home) {
        if (home.equals(site.homeUrl())) {
            return site;
        }
        transactions.inTenant(site.tenantId(), null, () -> sites.setHomeUrl(site.id(), site.tenantId(), home));
        if (!SiteAddress.same(site.baseUrl(), home)) {
            LOG.info("Store {} entered as {} calls itself {}", site.id(), site.baseUrl(), home);
        }
        return withHome(site, home);
    }

    /** The "site-address" line of Test connection; empty while the store's own address is unknown. */
    static Optional<ConnectionCheck> check(Site site) {
        if (site.homeUrl() == null) {
            return Optional.empty();
        }
        if (!site.addressDiffers()) {
            return Optional.of(ConnectionCheck.pass("site-address", "WooCommerce calls this site " + site.homeUrl()));
        }
        return Optional.of(ConnectionCheck.warn("site-address", SiteAddress.mismatch(site.baseUrl(), site.homeUrl()),
                "Use " + site.homeUrl() + " as the store's address (the button on the store page), or make "
                        + site.baseUrl() + " the Site Address in WordPress > Settings > General. Syncing works meanwhile:"
                        + " Counterlink signs its requests the way WooCommerce checks them."));
    }

    static Site withHome(Site s, String home) {
        return new Site(s.id(), s.tenantId(), s.name(), s.baseUrl(), s.status(), s.statusReason(), s.consumerKeyEnc(),
                s.consumerSecretEnc(), s.webhookSecretEnc(), s.settings(), s.createdAt(), s.updatedAt(), s.linkStateHash(),
                s.linkStateExpiresAt(), s.keyPermissions(), s.linkedAt(), home);
    }
}
