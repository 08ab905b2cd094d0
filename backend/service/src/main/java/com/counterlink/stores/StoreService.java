package com.counterlink.stores;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.crypto.SecretBox;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.net.OutboundRefusedException;
import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.woo.SiteAddress;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Linking WooCommerce stores to a tenant: app authorization, manual keys, test connection, the
 * store's own address, removal.
 */
@Singleton
public class StoreService {

    static final Duration LINK_STATE_TTL = Duration.ofHours(1);
    /** Who the audit trail names for what WooCommerce itself did (the wc-auth callback). */
    static final CurrentUser WOOCOMMERCE = new CurrentUser("woocommerce", null, "WooCommerce", List.of());
    static final CurrentUser COUNTERLINK = new CurrentUser("counterlink", null, "Counterlink", List.of());
    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);

    private final TenantAccess access;
    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final StoreClients clients;
    private final ConnectionTester tester;
    private final SiteAddresses addresses;
    private final OutboundUrlPolicy policy;
    private final SecretBox box;
    private final AuditLog audit;
    private final WebhookService webhooks;
    private final String publicUrl;
    private final com.counterlink.sync.SyncScheduler syncScheduler;
    private final ApplicationEventPublisher<StoreChanged> changes;

    public StoreService(TenantAccess access, TenantTransactions transactions, SiteRepository sites, StoreClients clients,
                        ConnectionTester tester, SiteAddresses addresses, OutboundUrlPolicy policy, SecretBox box, AuditLog audit,
                        WebhookService webhooks, com.counterlink.sync.SyncScheduler syncScheduler,
                        ApplicationEventPublisher<StoreChanged> changes,
                        @Value("${counterlink.public-url}") String publicUrl) {
        this.access = access;
        this.transactions = transactions;
        this.sites = sites;
        this.clients = clients;
        this.tester = tester;
        this.addresses = addresses;
        this.policy = policy;
        this.box = box;
        this.audit = audit;
        this.webhooks = webhooks;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.syncScheduler = syncScheduler;
        this.changes = changes;
    }

    public List<StoreView> list(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member ->
                sites.findByTenantIdAndStatusNotEqualOrderByCreatedAt(tenantId, SiteStatus.REMOVED).stream()
                        .map(StoreView::of).toList());
    }

    public StoreView get(CurrentUser user, UUID tenantId, UUID siteId) {
        return access.asMember(user, tenantId, member -> StoreView.of(site(tenantId, siteId)));
    }

    Site site(UUID tenantId, UUID siteId) {
        return sites.findByIdAndTenantId(siteId, tenantId)
                .filter(s -> s.status() != SiteStatus.REMOVED)
                .orElseThrow(() -> ApiException.notFound("Store"));
    }

    /** Step 1 of linking: a pending store and the WooCommerce page where the retailer approves access. */
    public LinkStoreResponse link(CurrentUser user, UUID tenantId, LinkStoreCommand command) {
        String name = command.name().strip();
        access.asOwner(user, tenantId, member -> member); // permission before guard clauses: no oracle for strangers
        String url = normalizeStoreUrl(command.url());
        return access.asOwner(user, tenantId, member -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Site> current = sites.findByTenantIdAndStatusNotEqualOrderByCreatedAt(tenantId, SiteStatus.REMOVED);
            Site existing = current.stream().filter(s -> s.baseUrl().equals(url)).findFirst().orElse(null);
            if (existing != null && existing.status() != SiteStatus.PENDING) {
                throw new ApiException(ErrorCode.CONFLICT, "This store is already linked", List.of());
            }
            Optional<Site> sameSite = current.stream()
                    .filter(s -> s.status() != SiteStatus.PENDING && SiteAddress.same(url, s.homeUrl())).findFirst();
            if (existing == null && sameSite.isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, "This store is already linked as " + sameSite.get().baseUrl()
                        + " (WooCommerce calls it " + sameSite.get().homeUrl() + ")", List.of());
            }
            UUID siteId = existing != null ? existing.id() : UUID.randomUUID();
            LinkState state = LinkState.fresh(tenantId, siteId);
            if (existing != null) {
                // an abandoned or expired approval: start again on the same pending store, old state void
                sites.renewLinkState(siteId, tenantId, name, state.secretHash(), now.plus(LINK_STATE_TTL), now);
            } else {
                sites.save(new Site(siteId, tenantId, name, url, SiteStatus.PENDING, null, null, null, null,
                        new HashMap<>(), now, now, state.secretHash(), now.plus(LINK_STATE_TTL), null, null, null));
            }
            audit.record(tenantId, user, "store.link-started", "site", siteId.toString(), Map.of("url", url, "name", name));
            return new LinkStoreResponse(StoreView.of(site(tenantId, siteId)), authorizeUrl(url, tenantId, siteId, state.token(box)));
        });
    }

    private String authorizeUrl(String storeUrl, UUID tenantId, UUID siteId, String token) {
        return storeUrl + "/wc-auth/v1/authorize?app_name=Counterlink&scope=read_write"
                + "&user_id=" + enc(token)
                + "&return_url=" + enc(publicUrl + "/t/" + tenantId + "/stores/" + siteId)
                + "&callback_url=" + enc(publicUrl + "/api/public/woo/callback");
    }

    /** Step 2: WooCommerce POSTs the new key; the state in user_id says which tenant and store, once. */
    public void acceptAuthorizationCallback(WooAuthCallback callback) {
        LinkState state = LinkState.parse(callback.userId(), box).orElseThrow(() -> {
            LOG.warn("wc-auth callback with an unknown state token refused");
            return new ApiException(ErrorCode.NOT_FOUND, "Unknown or expired authorization");
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int stored = transactions.inTenant(state.tenantId(), null, () -> {
            Site site = sites.findByIdAndTenantId(state.siteId(), state.tenantId()).orElse(null);
            if (site == null) {
                return 0;
            }
            int updated = sites.consumeLinkState(site.id(), site.tenantId(), state.secretHash(),
                    clients.seal(site, "consumer_key", callback.consumerKey()),
                    clients.seal(site, "consumer_secret", callback.consumerSecret()),
                    callback.keyPermissions(), now);
            if (updated == 1) {
                audit.record(site.tenantId(), WOOCOMMERCE, "store.linked", "site", site.id().toString(),
                        Map.of("keyPermissions", String.valueOf(callback.keyPermissions())));
            }
            return updated;
        });
        if (stored != 1) {
            LOG.warn("wc-auth callback for site {} refused: state used, expired or unknown", state.siteId());
            throw new ApiException(ErrorCode.NOT_FOUND, "Unknown or expired authorization");
        }
        changes.publishEvent(new StoreChanged(state.tenantId(), state.siteId(), StoreChanged.Change.LINKED));
        // WooCommerce waits for this answer before it finishes; asking the store now could wait on itself
        addresses.learnSoon(state.tenantId(), state.siteId());
        webhooks.registerAfterLinking(state.tenantId(), state.siteId());
    }

    /** Keys entered by hand; then, outside the transaction, what the store calls itself. */
    public StoreView setCredentials(CurrentUser user, UUID tenantId, UUID siteId, StoreCredentialsCommand command) {
        Site stored = access.asOwner(user, tenantId, member -> {
            Site site = site(tenantId, siteId);
            sites.setCredentials(siteId, tenantId, clients.seal(site, "consumer_key", command.consumerKey().strip()),
                    clients.seal(site, "consumer_secret", command.consumerSecret().strip()),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record(tenantId, user, "store.keys-entered", "site", siteId.toString(), Map.of());
            return site(tenantId, siteId);
        });
        changes.publishEvent(new StoreChanged(tenantId, siteId, StoreChanged.Change.KEYS_SAVED));
        Site learned = addresses.learn(stored);
        webhooks.registerAfterLinking(tenantId, siteId);
        return StoreView.of(learned);
    }

    /**
     * Switches the store to the address WooCommerce calls it by (its home_url, as last read). Only
     * that address: the keys go wherever the store's address points.
     */
    public StoreView useAddress(CurrentUser user, UUID tenantId, UUID siteId, StoreAddressCommand command) {
        access.asOwner(user, tenantId, member -> site(tenantId, siteId)); // permission before guard clauses
        String url = normalizeStoreUrl(command.url());
        return access.asOwner(user, tenantId, member -> {
            Site site = site(tenantId, siteId);
            if (site.homeUrl() == null) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "Counterlink has not read this store's own address yet: test the connection first");
            }
            if (!SiteAddress.same(url, site.homeUrl())) {
                throw ApiException.invalidField("url", "must be the address WooCommerce calls this store, " + site.homeUrl());
            }
            if (url.equals(site.baseUrl())) {
                return StoreView.of(site);
            }
            boolean taken = sites.findByTenantIdAndStatusNotEqualOrderByCreatedAt(tenantId, SiteStatus.REMOVED).stream()
                    .anyMatch(s -> !s.id().equals(siteId) && s.baseUrl().equals(url));
            if (taken) {
                throw new ApiException(ErrorCode.CONFLICT, "Another store of this company already has the address " + url);
            }
            sites.setBaseUrl(siteId, tenantId, url, Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record(tenantId, user, "store.address-changed", "site", siteId.toString(),
                    Map.of("from", site.baseUrl(), "to", url));
            return StoreView.of(site(tenantId, siteId));
        });
    }

    public void remove(CurrentUser user, UUID tenantId, UUID siteId) {
        Site removed = access.asOwner(user, tenantId, member -> {
            Site before = site(tenantId, siteId);
            sites.markRemoved(siteId, tenantId, "Removed by " + (user.email() == null ? user.subject() : user.email()),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            audit.record(tenantId, user, "store.removed", "site", siteId.toString(), Map.of());
            return before;
        });
        changes.publishEvent(new StoreChanged(tenantId, siteId, StoreChanged.Change.REMOVED));
        webhooks.stopMaintenance(siteId);
        syncScheduler.unscheduleAll(siteId);
        webhooks.unregister(removed);
    }

    /**
     * Runs the checks outside any transaction: no database connection waits on a slow store. The
     * store's own address comes from system_status, else (the keys refused, as they are when we sign
     * with another name than the store's own) from WordPress's public REST index; a newly learnt
     * address is kept and the checks run again signed with it.
     */
    public List<ConnectionCheck> testConnection(CurrentUser user, UUID tenantId, UUID siteId) {
        Site site = access.asMember(user, tenantId, member -> site(tenantId, siteId));
        List<ConnectionCheck> checks = new ArrayList<>();
        if (!site.hasCredentials()) {
            Site known = addresses.fromIndex(site).map(home -> addresses.record(site, home)).orElse(site);
            SiteAddresses.check(known).ifPresent(checks::add);
            checks.add(ConnectionCheck.fail("keys", "The store has no API keys yet",
                    "Finish linking the store in WooCommerce, or enter keys by hand"));
            return checks;
        }
        ConnectionTester.Report report = tester.test(clients.client(site));
        Optional<String> own = report.keys() == ConnectionTester.Keys.UNREACHABLE ? Optional.empty()
                : report.homeUrl().or(() -> addresses.fromIndex(site));
        Site known = own.map(home -> addresses.record(site, home)).orElse(site);
        if (report.keys() == ConnectionTester.Keys.REFUSED && known.homeUrl() != null && !known.homeUrl().equals(site.homeUrl())) {
            report = tester.test(clients.client(known));
        }
        SiteAddresses.check(known).ifPresent(checks::add);
        checks.addAll(report.checks());
        return checks;
    }

    String normalizeStoreUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "is not a valid URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw ApiException.invalidField("url", "must be a full address such as https://shop.example.com");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String normalized = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
        try {
            policy.check(normalized);
        } catch (OutboundRefusedException e) {
            throw ApiException.invalidField("url", e.getMessage());
        }
        return normalized;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
