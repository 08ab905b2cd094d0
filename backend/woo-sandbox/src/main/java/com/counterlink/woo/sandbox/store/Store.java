package com.counterlink.woo.sandbox.store;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.coupon.Coupon;
import com.counterlink.woo.sandbox.fault.FaultInjector;
import com.counterlink.woo.sandbox.order.Order;
import com.counterlink.woo.sandbox.order.OrderJson;
import com.counterlink.woo.sandbox.product.Product;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.settings.SettingCatalog;
import com.counterlink.woo.sandbox.tax.TaxRate;
import com.counterlink.woo.sandbox.webhook.Webhook;
import com.counterlink.woo.sandbox.webhook.WebhookDelivery;
import com.counterlink.woo.sandbox.webhook.WebhookDispatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One simulated WooCommerce site. All state lives here and is guarded by one lock: WooCommerce itself is not
 * transactional across items, but a single lock keeps the sandbox's own invariants (ids, stock) simple and atomic.
 */
public final class Store {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final String baseUrl;
    private final ReentrantLock lock = new ReentrantLock();
    private final SandboxClock clock;
    private final FaultInjector faults = new FaultInjector();
    private final WebhookDispatcher webhookDispatcher;
    private volatile StoreOptions options;

    final Map<String, String> wooOptions = new LinkedHashMap<>(SettingCatalog.defaults());
    public final java.util.SequencedMap<Long, Product> products = new LinkedHashMap<>();
    /** Slug → product or variation id, as WordPress's index on post_name: slug checks stay O(1) in a large catalog. */
    public final Map<String, Long> productSlugs = new java.util.HashMap<>();
    /**
     * SKU collation key ({@code SkuCollation.key}) → the products and variations that carry it (trashed ones too), as
     * WooCommerce's lookup table.
     */
    public final Map<String, java.util.Set<Long>> productSkus = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong restRequests = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong batchRequests = new java.util.concurrent.atomic.AtomicLong();
    public final Map<Long, Order> orders = new LinkedHashMap<>();
    public final Map<Long, Coupon> coupons = new LinkedHashMap<>();
    public final Map<Long, TaxRate> taxRates = new LinkedHashMap<>();
    public final Map<Long, com.counterlink.woo.sandbox.category.Category> categories = new LinkedHashMap<>(
            Map.of(com.counterlink.woo.sandbox.category.Category.UNCATEGORIZED_ID, com.counterlink.woo.sandbox.category.Category.uncategorized()));
    public final Map<Long, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<String, ApiKey> keys = new LinkedHashMap<>();

    /** Products, variations, coupons and orders share WordPress's post id sequence. */
    private long nextPostId;
    private long nextOrderItemId = 1;
    private long nextTaxRateId = 1;
    /** Terms have their own sequence; a fresh WordPress has used it up to Uncategorized (15). */
    private long nextTermId = com.counterlink.woo.sandbox.category.Category.UNCATEGORIZED_ID + 1;
    private long nextWebhookId = 1;
    private long nextKeyId = 1;
    private long nextMetaId = 1;

    public Store(String name, String baseUrl, StoreOptions options, SandboxClock clock, long firstPostId,
                 WebhookDispatcher.Factory dispatcherFactory) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.options = options;
        this.clock = clock;
        this.nextPostId = firstPostId;
        this.webhookDispatcher = dispatcherFactory.create(this);
    }

    public String name() { return name; }

    /** Counts a wc/v3 request as a benchmark would see it: every call, and the batch writes among them. */
    public void countRestRequest(String method, String route) {
        restRequests.incrementAndGet();
        if ("POST".equals(method) && route.endsWith("/batch")) batchRequests.incrementAndGet();
    }

    public long restRequests() { return restRequests.get(); }

    /** A wc/v3 write as it arrived, for a benchmark to replay the same requests elsewhere. */
    public record RecordedWrite(String method, String route, byte[] body) {}

    private volatile List<RecordedWrite> recordedWrites;

    /** From now on every wc/v3 write (not GET) is kept in arrival order; {@link #recordedWrites()} hands them out. */
    public void recordWrites() { recordedWrites = java.util.Collections.synchronizedList(new ArrayList<>()); }

    public void recordWrite(String method, String route, byte[] body) {
        List<RecordedWrite> journal = recordedWrites;
        if (journal != null && !"GET".equals(method) && !"HEAD".equals(method)) journal.add(new RecordedWrite(method, route, body));
    }

    /** The writes kept since {@link #recordWrites()} (empty when not recording). */
    public List<RecordedWrite> recordedWrites() {
        List<RecordedWrite> journal = recordedWrites;
        if (journal == null) return List.of();
        synchronized (journal) { return List.copyOf(journal); }
    }

    public long batchRequests() { return batchRequests.get(); }

    /** Where this store is served, e.g. http://127.0.0.1:18090/store/demo */
    public String baseUrl() { return baseUrl; }

    /** WordPress home_url without trailing slash. */
    public String siteUrl() { return options.siteUrl() != null ? options.siteUrl() : baseUrl; }

    public String apiUrl() { return siteUrl() + "/wp-json/wc/v3"; }

    public StoreOptions options() { return options; }

    public void setOptions(StoreOptions options) { this.options = options; }

    public SandboxClock clock() { return clock; }

    public FaultInjector faults() { return faults; }

    public WebhookDispatcher webhookDispatcher() { return webhookDispatcher; }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    // ---- WooCommerce options -------------------------------------------------------------------

    public String option(String id) { return locked(() -> wooOptions.get(id)); }

    public void setOption(String id, String value) { locked(() -> { wooOptions.put(id, value); }); }

    public String currency() { return option(SettingCatalog.CURRENCY); }

    public boolean taxesEnabled() { return "yes".equals(option(SettingCatalog.CALC_TAXES)); }

    public boolean stockManagementEnabled() { return "yes".equals(option(SettingCatalog.MANAGE_STOCK)); }

    public int notifyNoStockAmount() {
        try {
            return Integer.parseInt(option(SettingCatalog.NOTIFY_NO_STOCK));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- sequences (call with the lock held) -----------------------------------------------------

    public long nextPostId() { return nextPostId++; }

    public long nextOrderItemId() { return nextOrderItemId++; }

    public long nextTaxRateId() { return nextTaxRateId++; }

    public long nextTermId() { return nextTermId++; }

    public long nextWebhookId() { return nextWebhookId++; }

    public long nextMetaId() { return nextMetaId++; }

    // ---- API keys ------------------------------------------------------------------------------

    public ApiKey issueKey(KeyPermission permission) { return issueKey(permission, "Sandbox key"); }

    public ApiKey issueKey(KeyPermission permission, String description) {
        return importKey(permission, description, "ck_" + randomHex(20), "cs_" + randomHex(20));
    }

    /** Registers a key with a known key/secret, e.g. to replay traffic recorded elsewhere. */
    public ApiKey importKey(KeyPermission permission, String description, String consumerKey, String consumerSecret) {
        return locked(() -> {
            ApiKey key = new ApiKey(nextKeyId++, 1, description, permission, consumerKey, consumerSecret);
            keys.put(consumerKey, key);
            return key;
        });
    }

    public Optional<ApiKey> findKey(String consumerKey) {
        return locked(() -> Optional.ofNullable(keys.get(consumerKey)));
    }

    public boolean revokeKey(long keyId) {
        return locked(() -> keys.values().removeIf(k -> k.keyId() == keyId));
    }

    public List<ApiKey> keys() { return locked(() -> List.copyOf(keys.values())); }

    // ---- inspection API for in-process tests ------------------------------------------------------

    /** Products and variations as GET /products/{id} would show them. */
    public List<ObjectNode> productsJson() {
        return locked(() -> products.values().stream().map(p -> ProductJson.asProduct(this, p, false)).toList());
    }

    public Optional<ObjectNode> productJson(long id) {
        return locked(() -> Optional.ofNullable(products.get(id)).map(p -> ProductJson.asProduct(this, p, false)));
    }

    public Optional<ObjectNode> productBySku(String sku) {
        return locked(() -> products.values().stream().filter(p -> sku.equals(p.sku)).findFirst()
                .map(p -> ProductJson.asProduct(this, p, false)));
    }

    public List<ObjectNode> ordersJson() {
        return locked(() -> orders.values().stream().map(o -> OrderJson.render(this, o)).toList());
    }

    public Optional<ObjectNode> orderJson(long id) {
        return locked(() -> Optional.ofNullable(orders.get(id)).map(o -> OrderJson.render(this, o)));
    }

    public List<WebhookDelivery> webhookDeliveries() { return webhookDispatcher.deliveries(); }

    public List<Webhook> webhooksList() { return locked(() -> new ArrayList<>(webhooks.values())); }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String randomAlnum(int len) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
        return sb.toString();
    }
}
