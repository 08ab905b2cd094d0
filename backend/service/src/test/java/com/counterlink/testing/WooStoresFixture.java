package com.counterlink.testing;

import com.counterlink.woo.sandbox.WooSandbox;
import com.counterlink.woo.sandbox.WooSandboxConfig;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stores for backend tests: an in-process WooCommerce sandbox, and linking one of its stores to a
 * tenant through the real app-authorization flow, as a retailer's browser would.
 */
public final class WooStoresFixture implements AutoCloseable {

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern APPROVE = Pattern.compile("href=\"([^\"]+)\" class=\"button button-primary wc-auth-approve\"");

    public final WooSandbox sandbox;

    public WooStoresFixture() {
        this(Duration.ofMillis(50));
    }

    /** @param webhookDelay when the sandbox delivers webhooks after a change; negative = only on flush (held back) */
    public WooStoresFixture(Duration webhookDelay) {
        sandbox = WooSandbox.start(WooSandboxConfig.builder().webhookDelay(webhookDelay).build());
    }

    /** A fixed port, so the backend knows its public URL (callbacks, webhook delivery URLs) before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> backendProperties(int port) {
        return Map.of("micronaut.server.port", Integer.toString(port),
                "counterlink.public-url", "http://localhost:" + port);
    }

    /** A store that, like a test WordPress, accepts our plain-http callback URL. */
    public Store newStore() {
        return sandbox.createStore("s" + UUID.randomUUID().toString().substring(0, 8),
                StoreOptions.defaults().withAllowInsecureCallbacks(true));
    }

    public static String newTenant(ApiClient api, String token, String name) {
        ApiClient.Response created = api.post("/api/tenants", token, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.toString());
        return created.json().get("id").asText();
    }

    /** Starts linking in our API, approves in WooCommerce, and answers the now active store's id. */
    public static String link(ApiClient api, String token, String tenantId, Store store) {
        return link(api, token, tenantId, store, store.siteUrl());
    }

    /** The same, with the store entered as {@code enteredUrl} (e.g. another name for the same site). */
    public static String link(ApiClient api, String token, String tenantId, Store store, String enteredUrl) {
        ApiClient.Response started = api.post("/api/tenants/" + tenantId + "/stores", token,
                "{\"url\":\"" + enteredUrl + "\",\"name\":\"Shop " + store.name() + "\"}");
        assertEquals(201, started.status(), started.toString());
        JsonNode body = started.json();
        assertEquals("PENDING", body.get("store").get("status").asText());
        String authorize = body.get("authorizeUrl").asText();
        assertTrue(authorize.startsWith(enteredUrl + "/wc-auth/v1/authorize?app_name=Counterlink&scope=read_write"), authorize);

        HttpResponse<String> grantPage = browse(authorize);
        assertEquals(200, grantPage.statusCode(), grantPage.body());
        Matcher approve = APPROVE.matcher(grantPage.body());
        assertTrue(approve.find(), grantPage.body());
        HttpResponse<String> approved = browse(approve.group(1).replace("&#038;", "&").replace("&amp;", "&"));
        assertEquals(302, approved.statusCode(), approved.body());
        String returnTo = approved.headers().firstValue("Location").orElseThrow();
        assertTrue(returnTo.contains("success=1"), returnTo);
        return body.get("store").get("id").asText();
    }

    public static HttpResponse<String> browse(String url) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
