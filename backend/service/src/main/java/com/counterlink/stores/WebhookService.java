package com.counterlink.stores;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * WooCommerce webhooks of a store: registration with a per-store secret, verification of every
 * delivery, deduplicated storage as hints for the sync jobs, and an hourly repair of webhooks
 * WooCommerce disabled or lost. Webhooks are hints; polling stays the backstop.
 */
@Singleton
public class WebhookService {

    public static final List<String> TOPICS = List.of("order.created", "order.updated", "product.updated");
    /** The topics whose hints a job reads: ours, and product.restored, which the catalog jobs read as a product change. */
    static final Set<String> HINTED_TOPICS = Set.of("order.created", "order.updated", "product.updated", "product.restored");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Receipt { ACCEPTED, DUPLICATE, PING, IGNORED }

    private final TenantAccess access;
    private final TenantTransactions transactions;
    private final SiteRepository sites;
    private final SiteWebhookRepository registered;
    private final WebhookHintRepository hints;
    private final StoreClients clients;
    private final SiteAddresses addresses;
    private final AuditLog audit;
    private final BeanProvider<JobScheduler> scheduler;
    private final ApplicationEventPublisher<WebhookHintStored> events;
    private final String publicUrl;
    private final boolean registerOnLink;
    private final ConcurrentMap<UUID, Object> ensuring = new ConcurrentHashMap<>();

    public WebhookService(TenantAccess access, TenantTransactions transactions, SiteRepository sites,
                          SiteWebhookRepository registered, WebhookHintRepository hints, StoreClients clients,
                          SiteAddresses addresses, AuditLog audit, BeanProvider<JobScheduler> scheduler,
                          ApplicationEventPublisher<WebhookHintStored> events,
                          @Value("${counterlink.public-url}") String publicUrl,
                          @Value("${counterlink.stores.register-webhooks-on-link:true}") boolean registerOnLink) {
        this.access = access;
        this.transactions = transactions;
        this.sites = sites;
        this.registered = registered;
        this.hints = hints;
        this.clients = clients;
        this.addresses = addresses;
        this.audit = audit;
        this.scheduler = scheduler;
        this.events = events;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.registerOnLink = registerOnLink;
    }

    String deliveryUrl(Site site) {
        return publicUrl + "/api/public/woo/webhooks/" + site.tenantId() + "/" + site.id();
    }

    // ---- registration and repair ---------------------------------------------------------

    public List<WebhookView> register(CurrentUser user, UUID tenantId, UUID siteId) {
        Site site = access.asOwner(user, tenantId, member -> withWebhookSecret(tenantId, siteId));
        List<SiteWebhook> hooks = ensure(site);
        access.asOwner(user, tenantId, member -> {
            audit.record(tenantId, user, "store.webhooks-registered", "site", siteId.toString(),
                    Map.of("topics", TOPICS));
            return null;
        });
        scheduleMaintenance(tenantId, siteId);
        return hooks.stream().map(WebhookView::of).toList();
    }

    /**
     * A store just got its keys: our webhooks are registered in the background, so orders arrive at
     * once without the retailer pressing anything. JobRunr retries while WooCommerce is slow or down.
     */
    void registerAfterLinking(UUID tenantId, UUID siteId) {
        if (registerOnLink) {
            scheduler.get().<WebhookService>enqueue(service -> service.registerForLinkedStore(tenantId, siteId));
        }
    }

    public void registerForLinkedStore(UUID tenantId, UUID siteId) {
        Site site = transactions.inTenant(tenantId, null, () -> sites.findByIdAndTenantId(siteId, tenantId)
                .filter(s -> s.status() == SiteStatus.ACTIVE && s.hasCredentials())
                .map(s -> withWebhookSecret(tenantId, siteId)).orElse(null));
        if (site == null) {
            return;
        }
        ensure(site);
        transactions.inTenant(tenantId, null, () -> {
            audit.record(tenantId, StoreService.COUNTERLINK, "store.webhooks-registered", "site", siteId.toString(),
                    Map.of("topics", TOPICS));
            return null;
        });
        scheduleMaintenance(tenantId, siteId);
    }

    public List<WebhookView> list(CurrentUser user, UUID tenantId, UUID siteId) {
        return access.asMember(user, tenantId, member -> {
            requireSite(tenantId, siteId);
            return registered.findBySiteIdOrderByTopic(siteId).stream().map(WebhookView::of).toList();
        });
    }

    public List<WebhookView> repair(CurrentUser user, UUID tenantId, UUID siteId) {
        Site site = access.asOwner(user, tenantId, member -> withWebhookSecret(tenantId, siteId));
        return ensure(site).stream().map(WebhookView::of).toList();
    }

    /** The recurring job: re-activates or re-creates what WooCommerce disabled or lost. */
    public void repair(UUID tenantId, UUID siteId) {
        Site site = transactions.inTenant(tenantId, null, () -> sites.findByIdAndTenantId(siteId, tenantId).orElse(null));
        if (site == null || site.status() != SiteStatus.ACTIVE || site.webhookSecretEnc() == null) {
            return;
        }
        ensure(site);
    }

    void scheduleMaintenance(UUID tenantId, UUID siteId) {
        scheduler.get().<WebhookService>scheduleRecurrently("woo-webhooks-" + siteId, Cron.hourly(),
                service -> service.repair(tenantId, siteId));
    }

    /**
     * Best effort on unlinking: deletes the webhooks we registered so the store stops calling us.
     * A store that is down keeps them; its deliveries then fail our signature check and are dropped.
     */
    void unregister(Site site) {
        if (!site.hasCredentials()) {
            return;
        }
        List<SiteWebhook> known = transactions.inTenant(site.tenantId(), null,
                () -> registered.findBySiteIdOrderByTopic(site.id()));
        try {
            WooClient woo = clients.client(site);
            for (SiteWebhook hook : known) {
                woo.delete("webhooks/" + hook.wooWebhookId(), java.util.Map.of("force", "true"));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the webhooks of removed site {}: {}", site.id(), e.getMessage());
        }
    }

    void stopMaintenance(UUID siteId) {
        scheduler.get().deleteRecurringJob("woo-webhooks-" + siteId);
    }

    private Site withWebhookSecret(UUID tenantId, UUID siteId) {
        Site site = requireSite(tenantId, siteId);
        if (!site.hasCredentials()) {
            throw new ApiException(ErrorCode.CONFLICT, "The store has no API keys yet: link it or enter keys first");
        }
        if (site.webhookSecretEnc() == null) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            sites.setWebhookSecret(siteId, tenantId, clients.seal(site, "webhook_secret", secret),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            site = requireSite(tenantId, siteId);
        }
        return site;
    }

    private Site requireSite(UUID tenantId, UUID siteId) {
        return sites.findByIdAndTenantId(siteId, tenantId).filter(s -> s.status() != SiteStatus.REMOVED)
                .orElseThrow(() -> ApiException.notFound("Store"));
    }

    /**
     * Outside any transaction: compares what the store has with what we need, fixes the difference.
     * One at a time per store in this replica; across replicas the next pass removes duplicates.
     */
    private List<SiteWebhook> ensure(Site site) {
        Object lock = ensuring.computeIfAbsent(site.id(), id -> new Object());
        synchronized (lock) {
            // signed requests fail while the store calls itself by another name we have not read yet
            return ensureNow(addresses.learnIfUnknown(site));
        }
    }

    private List<SiteWebhook> ensureNow(Site site) {
        String secret = clients.open(site, "webhook_secret", site.webhookSecretEnc());
        String url = deliveryUrl(site);
        List<SiteWebhook> known = transactions.inTenant(site.tenantId(), null,
                () -> registered.findBySiteIdOrderByTopic(site.id()));
        WooClient woo = clients.client(site);
        // two registrations at once (a person and the background job, or two replicas) may both have
        // created one: keep one webhook per topic pointing at us, ours if we know it, delete the rest
        List<JsonNode> pointingAtUs = woo.listAll("webhooks", Map.of()).stream()
                .filter(h -> url.equals(h.path("delivery_url").asText())).toList();
        List<SiteWebhook> result = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (String topic : TOPICS) {
            SiteWebhook mine = known.stream().filter(k -> k.topic().equals(topic)).findFirst().orElse(null);
            List<JsonNode> sameTopic = pointingAtUs.stream().filter(h -> topic.equals(h.path("topic").asText())).toList();
            JsonNode hook = sameTopic.stream().filter(h -> mine != null && h.path("id").asLong() == mine.wooWebhookId())
                    .findFirst().orElse(sameTopic.isEmpty() ? null : sameTopic.get(0));
            for (JsonNode extra : sameTopic) {
                if (hook != null && extra.path("id").asLong() != hook.path("id").asLong()) {
                    LOG.info("Deleting duplicate webhook {} ({}) of site {}", extra.path("id").asLong(), topic, site.id());
                    woo.delete("webhooks/" + extra.path("id").asLong(), Map.of("force", "true"));
                }
            }
            if (hook == null && mine != null) {
                hook = current(woo, mine.wooWebhookId());
            }
            if (hook != null && (!"active".equals(hook.path("status").asText()) || !url.equals(hook.path("delivery_url").asText()))) {
                LOG.info("Re-activating webhook {} ({}) of site {}: was {}", hook.path("id").asLong(), topic, site.id(),
                        hook.path("status").asText());
                ObjectNode change = JSON.createObjectNode().put("status", "active").put("delivery_url", url);
                hook = woo.put("webhooks/" + hook.path("id").asLong(), change);
            }
            if (hook == null) {
                ObjectNode create = JSON.createObjectNode()
                        .put("name", "Counterlink " + topic).put("topic", topic).put("delivery_url", url)
                        .put("secret", secret).put("status", "active");
                hook = woo.post("webhooks", create);
            }
            result.add(new SiteWebhook(mine == null ? UUID.randomUUID() : mine.id(), site.tenantId(), site.id(), topic,
                    hook.path("id").asLong(), hook.path("status").asText(), now));
        }
        transactions.inTenant(site.tenantId(), null, () -> {
            for (SiteWebhook hook : result) {
                if (registered.existsById(hook.id())) {
                    registered.update(hook);
                } else {
                    registered.save(hook);
                }
            }
            return null;
        });
        return result;
    }

    private static JsonNode current(WooClient woo, long id) {
        try {
            return woo.get("webhooks/" + id);
        } catch (WooException e) {
            if (e.code() == WooErrorCode.WOO_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    // ---- deliveries ----------------------------------------------------------------------

    /**
     * Verifies and stores one delivery. WooCommerce's creation ping is form-encoded
     * {@code webhook_id=N} without signature; everything else must carry a valid signature over its raw
     * body. A delivery is known by what that signature covers: the SHA-256 of the body, per store. Neither
     * the delivery id (WooCommerce gives every delivery of a webhook within one second the same one) nor the
     * unsigned topic header can tell deliveries apart, so only a body already stored is a duplicate, whatever
     * the headers say: a captured delivery replayed under another topic changes nothing.
     */
    public Receipt receive(UUID tenantId, UUID siteId, String signature, String topic, String deliveryId,
                           String contentType, byte[] body) {
        if (signature == null && isPing(contentType, body)) {
            boolean known = transactions.inTenant(tenantId, null,
                    () -> sites.findByIdAndTenantId(siteId, tenantId).filter(s -> s.status() != SiteStatus.REMOVED).isPresent());
            if (!known) {
                throw ApiException.notFound("Store");
            }
            return Receipt.PING;
        }
        long[] resourceId = {0};
        Receipt receipt = transactions.inTenant(tenantId, null, () -> {
            Site site = sites.findByIdAndTenantId(siteId, tenantId)
                    .filter(s -> s.status() != SiteStatus.REMOVED && s.webhookSecretEnc() != null).orElse(null);
            if (site == null || signature == null
                    || !signatureMatches(clients.open(site, "webhook_secret", site.webhookSecretEnc()), body, signature)) {
                LOG.warn("Webhook for tenant {} site {} refused: {} signature (topic {}, delivery {})", tenantId, siteId,
                        signature == null ? "missing" : "invalid", topic, deliveryId);
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "Missing or invalid webhook signature");
            }
            if (topic == null || !HINTED_TOPICS.contains(topic)) {
                LOG.info("Signed webhook for site {} with topic {} is not one we read; ignored", siteId, topic);
                return Receipt.IGNORED;
            }
            JsonNode payload;
            try {
                payload = JSON.readTree(body);
            } catch (IOException e) {
                LOG.warn("Signed webhook for site {} is not JSON; ignored", siteId);
                return Receipt.IGNORED;
            }
            resourceId[0] = payload == null ? 0 : payload.path("id").asLong(0);
            if (resourceId[0] <= 0) {
                LOG.warn("Signed webhook for site {} names no resource; ignored", siteId);
                return Receipt.IGNORED;
            }
            String modified = payload.hasNonNull("date_modified_gmt") ? payload.path("date_modified_gmt").asText() : null;
            int stored = hints.insertIfNew(tenantId, siteId, forDiagnosis(deliveryId), topic, resourceId[0],
                    modified == null || modified.length() > 40 ? null : modified, sha256(body));
            return stored == 1 ? Receipt.ACCEPTED : Receipt.DUPLICATE;
        });
        if (receipt == Receipt.ACCEPTED) {
            events.publishEvent(new WebhookHintStored(tenantId, siteId, topic, resourceId[0]));
        }
        return receipt;
    }

    /** The delivery id is kept only to find a delivery in logs; an oversized one is cut, never refused. */
    private static String forDiagnosis(String deliveryId) {
        return deliveryId == null || deliveryId.length() <= 100 ? deliveryId : deliveryId.substring(0, 100);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isPing(String contentType, byte[] body) {
        return contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                && body.length < 64 && new String(body, StandardCharsets.US_ASCII).matches("webhook_id=\\d+");
    }

    static boolean signatureMatches(String secret, byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
            return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
