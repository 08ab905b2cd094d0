package com.counterlink.woo;

import com.counterlink.platform.net.OutboundRefusedException;
import com.counterlink.platform.net.OutboundTarget;
import com.counterlink.platform.net.OutboundUrlPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one WooCommerce REST v3 client. Idempotent calls (GET, PUT, DELETE) are retried with
 * jittered exponential backoff on 429, 5xx, timeouts and connection failures, honouring
 * Retry-After; POSTs are sent once, except creates guarded by a SKU lookup and batches whose
 * creates are re-checked by SKU before a retry, so a retry never makes a duplicate.
 */
public final class WooClient {

    public static final int MAX_PER_PAGE = 100;
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_PAGES = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI storeUrl;
    private final URI homeUrl;
    private final String apiBase;
    private final WooAuth auth;
    private final WooClientConfig config;
    private final WooTransport transport;
    private final OutboundUrlPolicy policy;

    public WooClient(URI storeUrl, WooAuth auth, WooClientConfig config, WooTransport transport, OutboundUrlPolicy policy) {
        this(storeUrl, null, auth, config, transport, policy);
    }

    /** @param homeUrl the store's own address (WordPress's home_url) when known, else null */
    public WooClient(URI storeUrl, URI homeUrl, WooAuth auth, WooClientConfig config, WooTransport transport,
                     OutboundUrlPolicy policy) {
        this.storeUrl = normalize(storeUrl);
        this.homeUrl = homeUrl == null ? null : normalize(homeUrl);
        this.apiBase = this.storeUrl + "/wp-json/wc/v3/";
        this.auth = auth;
        this.config = config;
        this.transport = transport;
        this.policy = policy;
    }

    /** A client for a store's site URL with the real HTTP transport. */
    public static WooClient forStore(String storeUrl, WooCredentials credentials, WooClientConfig config,
                                     OutboundUrlPolicy policy) {
        return forStore(storeUrl, null, credentials, config, policy);
    }

    /**
     * A client that calls {@code storeUrl} and, over plain http, signs as WooCommerce checks: with
     * the store's own address {@code homeUrl} (null when not known yet).
     */
    public static WooClient forStore(String storeUrl, String homeUrl, WooCredentials credentials, WooClientConfig config,
                                     OutboundUrlPolicy policy) {
        return forStore(storeUrl, homeUrl, credentials, config, WooTransport.jdk(config.connectTimeout()), policy);
    }

    /** The same over a transport shared with other clients (one HTTP client for many stores). */
    public static WooClient forStore(String storeUrl, String homeUrl, WooCredentials credentials, WooClientConfig config,
                                     WooTransport transport, OutboundUrlPolicy policy) {
        URI url = normalize(URI.create(storeUrl.strip()));
        URI home = homeUrl == null ? null : normalize(URI.create(homeUrl.strip()));
        return new WooClient(url, home, WooAuth.forStore(url, home, credentials, Clock.systemUTC()), config, transport, policy);
    }

    /** A client without keys, for WordPress's public routes only ({@link #restIndex()}). */
    public static WooClient anonymous(String storeUrl, WooClientConfig config, OutboundUrlPolicy policy) {
        URI url = normalize(URI.create(storeUrl.strip()));
        return new WooClient(url, new WooAuth.Anonymous(), config, WooTransport.jdk(config.connectTimeout()), policy);
    }

    public URI storeUrl() {
        return storeUrl;
    }

    /**
     * WordPress's public REST index ({@code GET /wp-json/}, no authentication), limited to the site's
     * {@code name}, {@code url} (siteurl) and {@code home} (home_url): what the site calls itself even
     * when signed requests fail because we call it by another name.
     */
    public JsonNode restIndex() {
        URI index = URI.create(storeUrl + "/wp-json/");
        return withRetries(() -> exchange("GET", index, Map.of("_fields", "name,url,home"), null, new WooAuth.Anonymous(),
                "the REST index").json());
    }

    // ---- reads ---------------------------------------------------------------------------

    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    public JsonNode get(String path, Map<String, String> query) {
        return withRetries(() -> call("GET", path, query, null).json());
    }

    /** One page; per_page is 1..100 as WooCommerce allows; date filters compare in UTC (dates_are_gmt). */
    public WooPage list(String path, Map<String, String> query, int page, int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be 1.." + MAX_PER_PAGE);
        }
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", Integer.toString(page));
        q.put("per_page", Integer.toString(perPage));
        q.putIfAbsent("dates_are_gmt", "true");
        return withRetries(() -> {
            Reply reply = call("GET", path, q, null);
            JsonNode body = reply.json();
            if (!body.isArray()) {
                throw new WooException(WooErrorCode.WOO_BAD_RESPONSE, "expected a list from " + path);
            }
            List<JsonNode> items = new ArrayList<>();
            body.forEach(items::add);
            long total = reply.response.header("X-WP-Total").map(Long::parseLong).orElse((long) items.size());
            int pages = reply.response.header("X-WP-TotalPages").map(Integer::parseInt).orElse(page);
            return new WooPage(items, page, total, pages);
        });
    }

    /** Every page of a collection, 100 at a time. */
    public List<JsonNode> listAll(String path, Map<String, String> query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            WooPage result = list(path, query, page, MAX_PER_PAGE);
            all.addAll(result.items());
            if (!result.hasNext() || result.items().isEmpty()) {
                return all;
            }
        }
        throw new WooException(WooErrorCode.WOO_BAD_RESPONSE, "more than " + MAX_PAGES + " pages of " + path);
    }

    /** Products and variations with exactly this SKU (WooCommerce's sku filter searches both). */
    public Optional<JsonNode> findBySku(String sku) {
        return findBySkus(List.of(sku)).stream().findFirst();
    }

    public List<JsonNode> findBySkus(List<String> skus) {
        return findBySkus(skus, true);
    }

    /**
     * Products and variations WooCommerce's sku filter answers for these SKUs: besides exact ones, those whose
     * SKU it takes for the same (it compares ignoring case and accents: {@code CAFE-01} finds {@code CAFÉ-01}).
     */
    public List<JsonNode> findBySkusAsWooCompares(List<String> skus) {
        return findBySkus(skus, false);
    }

    private List<JsonNode> findBySkus(List<String> skus, boolean exactly) {
        if (skus.isEmpty()) {
            return List.of();
        }
        List<JsonNode> found = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += MAX_PER_PAGE) {
            List<String> chunk = skus.subList(from, Math.min(skus.size(), from + MAX_PER_PAGE));
            for (JsonNode item : listAll("products", Map.of("sku", String.join(",", chunk)))) {
                if (!exactly || chunk.contains(item.path("sku").asText())) {
                    found.add(item);
                }
            }
        }
        return found;
    }

    // ---- writes --------------------------------------------------------------------------

    /** An absolute update: safe to repeat, so it is retried. */
    public JsonNode put(String path, JsonNode body) {
        byte[] bytes = bytes(body);
        return withRetries(() -> call("PUT", path, Map.of(), bytes).json());
    }

    public JsonNode delete(String path, Map<String, String> query) {
        return withRetries(() -> call("DELETE", path, query, null).json());
    }

    /** Sent once: a POST that timed out may have been applied. */
    public JsonNode post(String path, JsonNode body) {
        return call("POST", path, Map.of(), bytes(body)).json();
    }

    /**
     * Creates a product (or, with {@code collection} "products/{id}/variations", a variation)
     * unless its SKU already exists; after an ambiguous failure it looks the SKU up again before
     * another attempt, and a duplicate-SKU refusal adopts the existing item.
     */
    public Created createBySku(String collection, ObjectNode item) {
        String sku = item.path("sku").asText("");
        if (sku.isBlank()) {
            throw new IllegalArgumentException("a guarded create needs a SKU");
        }
        Optional<JsonNode> existing = findBySku(sku);
        if (existing.isPresent()) {
            return new Created(existing.get(), true);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new Created(post(collection, item), false);
            } catch (WooException e) {
                if (e.code() == WooErrorCode.WOO_DUPLICATE_SKU && e.existingResourceId() > 0) {
                    return new Created(get("products/" + e.existingResourceId()), true);
                }
                if (!e.code().isTransient() || attempt >= config.maxAttempts()) {
                    throw e;
                }
                pause(attempt, e);
                existing = findBySku(sku);
                if (existing.isPresent()) {
                    return new Created(existing.get(), true);
                }
            }
        }
    }

    /** @param adopted true when the item already existed (made by an earlier attempt or by hand) */
    public record Created(JsonNode resource, boolean adopted) {
        public long id() {
            return resource.path("id").asLong();
        }
    }

    /**
     * A batch of at most 100 items; every item's result is checked (WooCommerce answers 200
     * with per-item errors). On an ambiguous failure creates are looked up by SKU and the ones
     * that landed are adopted, then the rest is sent again; updates and deletes are absolute.
     */
    public WooBatch.Result batch(String collection, WooBatch batch) {
        if (batch.size() > WooBatch.MAX_ITEMS) {
            throw new WooException(WooErrorCode.WOO_BATCH_TOO_LARGE, 413, null,
                    "a batch holds at most " + WooBatch.MAX_ITEMS + " items, got " + batch.size(), null, null, null);
        }
        for (ObjectNode create : batch.creates()) {
            if (create.path("sku").asText("").isBlank()) {
                throw new IllegalArgumentException("batch creates need SKUs so a retry cannot duplicate them");
            }
        }
        List<Integer> pendingCreates = new ArrayList<>();
        for (int i = 0; i < batch.creates().size(); i++) {
            pendingCreates.add(i);
        }
        List<WooBatch.ItemResult> adopted = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode create = body.putArray("create");
            pendingCreates.forEach(i -> create.add(batch.creates().get(i)));
            ArrayNode update = body.putArray("update");
            batch.updates().forEach(update::add);
            ArrayNode delete = body.putArray("delete");
            batch.deletes().forEach(delete::add);
            try {
                JsonNode reply = post(collection + "/batch", body);
                List<WooBatch.ItemResult> results = new ArrayList<>(adopted);
                results.addAll(itemResults(reply.path("create"), "create", pendingCreates));
                results.addAll(itemResults(reply.path("update"), "update", null));
                results.addAll(itemResults(reply.path("delete"), "delete", null));
                return new WooBatch.Result(results);
            } catch (WooException e) {
                if (!e.code().isTransient() || attempt >= config.maxAttempts()) {
                    throw e;
                }
                pause(attempt, e);
                List<String> skus = pendingCreates.stream()
                        .map(i -> batch.creates().get(i).path("sku").asText()).toList();
                Map<String, JsonNode> landed = new LinkedHashMap<>();
                findBySkus(skus).forEach(found -> landed.put(found.path("sku").asText(), found));
                List<Integer> still = new ArrayList<>();
                for (int i : pendingCreates) {
                    JsonNode found = landed.get(batch.creates().get(i).path("sku").asText());
                    if (found != null) {
                        adopted.add(new WooBatch.ItemResult("create", i, found, null));
                    } else {
                        still.add(i);
                    }
                }
                pendingCreates = still;
            }
        }
    }

    private static List<WooBatch.ItemResult> itemResults(JsonNode array, String operation, List<Integer> indexes) {
        List<WooBatch.ItemResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            int index = indexes == null ? i : indexes.get(i);
            JsonNode error = item.path("error");
            if (error.isObject()) {
                int status = error.path("data").path("status").asInt(400);
                results.add(new WooBatch.ItemResult(operation, index, item,
                        errorFor(status, error.path("code").asText(null), error.path("message").asText(""),
                                error.path("data"), null)));
            } else {
                results.add(new WooBatch.ItemResult(operation, index, item, null));
            }
        }
        return results;
    }

    // ---- one exchange --------------------------------------------------------------------

    private record Reply(WooTransport.WooResponse response, String path) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new WooException(WooErrorCode.WOO_BAD_RESPONSE, response.status(), null,
                        "the store did not answer JSON for " + path, null, null, e);
            }
        }
    }

    private Reply call(String method, String path, Map<String, String> query, byte[] body) {
        return exchange(method, URI.create(apiBase + path), query, body, auth, path);
    }

    private Reply exchange(String method, URI first, Map<String, String> query, byte[] body, WooAuth signer, String path) {
        URI target = first;
        for (int hop = 0; ; hop++) {
            OutboundTarget pinned;
            try {
                pinned = policy.pin(target);
            } catch (OutboundRefusedException e) {
                throw new WooException(WooErrorCode.WOO_URL_REFUSED, 0, null,
                        "The URL " + target.getHost() + " " + e.getMessage(), null, null, e);
            }
            WooAuth.Signed signed = signer.sign(method, target, query);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json");
            headers.put("User-Agent", "Counterlink/1.0");
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            if (signed.authorization() != null) {
                headers.put("Authorization", signed.authorization());
            }
            // signed for the store's own URL, sent to the address the policy checked (see WooTransport.jdk)
            headers.put("Host", pinned.hostHeader());
            WooTransport.WooResponse response = send(method, pinned.connectUri(signed.uri()), headers, body);
            int status = response.status();
            if (status >= 300 && status < 400 && response.header("Location").isPresent()) {
                target = redirectTarget(method, target, response.header("Location").get(), hop);
                continue;
            }
            if (status >= 200 && status < 300) {
                return new Reply(response, path);
            }
            throw advised(errorOf(response));
        }
    }

    /** WooCommerce's "Invalid signature" most often means we call the site by another name than its own. */
    private WooException advised(WooException e) {
        if (e.httpStatus() == 401 && e.storeMessage().startsWith("Invalid signature - provided signature does not match")) {
            return e.withAdvice(SiteAddress.invalidSignatureAdvice(storeUrl.toString(),
                    homeUrl == null ? null : homeUrl.toString()));
        }
        return e;
    }

    private URI redirectTarget(String method, URI from, String location, int hop) {
        URI next = from.resolve(location);
        try {
            policy.check(next);
        } catch (OutboundRefusedException e) {
            throw new WooException(WooErrorCode.WOO_URL_REFUSED, 0, null,
                    "The store redirects to " + next.getHost() + ", which " + e.getMessage(), null, null, e);
        }
        if (!method.equals("GET") || hop >= MAX_REDIRECTS || next.getHost() == null
                || !next.getHost().equalsIgnoreCase(storeUrl.getHost())) {
            throw new WooException(WooErrorCode.WOO_BAD_RESPONSE, 0, null,
                    "The store redirects to " + next + "; update the store URL to where the shop really is",
                    null, null, null);
        }
        return URI.create(next.toString().split("\\?", 2)[0]);
    }

    private WooTransport.WooResponse send(String method, URI uri, Map<String, String> headers, byte[] body) {
        try {
            return transport.send(method, uri, headers, body, config.readTimeout(), config.maxResponseBytes());
        } catch (HttpTimeoutException e) {
            throw new WooException(WooErrorCode.WOO_TIMEOUT, 0, null,
                    "The store did not answer within " + config.readTimeout().toSeconds() + " s", null, null, e);
        } catch (WooTransport.ResponseTooLargeException e) {
            throw new WooException(WooErrorCode.WOO_RESPONSE_TOO_LARGE, 0, null, e.getMessage(), null, null, e);
        } catch (IOException e) {
            throw new WooException(WooErrorCode.WOO_UNREACHABLE, 0, null,
                    "Could not reach the store: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WooException(WooErrorCode.WOO_TIMEOUT, 0, null, "interrupted", null, null, e);
        }
    }

    private static WooException errorOf(WooTransport.WooResponse response) {
        JsonNode body = null;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException ignored) {
            // hosting layers answer HTML
        }
        Duration retryAfter = response.header("Retry-After").flatMap(WooClient::seconds).orElse(null);
        String wooCode = body != null && body.has("code") ? body.path("code").asText() : null;
        String message = body != null && body.has("message") ? body.path("message").asText()
                : "HTTP " + response.status() + " from the store";
        return errorFor(response.status(), wooCode, message, body == null ? null : body.path("data"), retryAfter);
    }

    static WooException errorFor(int status, String wooCode, String message, JsonNode data, Duration retryAfter) {
        String code = wooCode == null ? "" : wooCode;
        String lowerMessage = message.toLowerCase(Locale.ROOT);
        WooErrorCode ours;
        if (status == 401 || status == 403) {
            ours = lowerMessage.contains("permission") && !code.equals("woocommerce_rest_cannot_view")
                    ? WooErrorCode.WOO_PERMISSION_DENIED
                    : code.isEmpty() ? WooErrorCode.WOO_BAD_RESPONSE : WooErrorCode.WOO_AUTH_FAILED;
        } else if (status == 404 || code.endsWith("_invalid_id")) {
            ours = WooErrorCode.WOO_NOT_FOUND;
        } else if (code.equals("product_invalid_sku")) {
            ours = WooErrorCode.WOO_DUPLICATE_SKU;
        } else if (status == 413) {
            ours = WooErrorCode.WOO_BATCH_TOO_LARGE;
        } else if (status == 429) {
            ours = WooErrorCode.WOO_RATE_LIMITED;
        } else if (status == 504 || status == 408) {
            ours = WooErrorCode.WOO_TIMEOUT;
        } else if (status >= 500) {
            ours = WooErrorCode.WOO_UNAVAILABLE;
        } else if (status >= 400 && !code.isEmpty()) {
            ours = WooErrorCode.WOO_INVALID_REQUEST;
        } else {
            ours = WooErrorCode.WOO_BAD_RESPONSE;
        }
        return new WooException(ours, status, wooCode, message, data, retryAfter, null);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // HTTP-date form: fall back to our own backoff
        }
    }

    // ---- retries -------------------------------------------------------------------------

    private <T> T withRetries(java.util.function.Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (WooException e) {
                if (!e.code().isTransient() || n >= config.maxAttempts()) {
                    throw e;
                }
                pause(n, e);
            }
        }
    }

    /** Full-jitter exponential backoff, never shorter than the server's Retry-After. */
    private void pause(int attempt, WooException cause) {
        long cap = config.maxBackoff().toMillis();
        long exp = Math.min(cap, config.baseBackoff().toMillis() << Math.min(attempt - 1, 20));
        long wait = ThreadLocalRandom.current().nextLong(exp + 1);
        if (cause.retryAfter() != null) {
            long asked = cause.retryAfter().toMillis();
            if (asked > cap) {
                throw cause; // the store asks for longer than a call may wait: let the job reschedule
            }
            wait = Math.max(wait, asked);
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static URI normalize(URI url) {
        String s = url.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
