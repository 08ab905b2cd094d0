package com.counterlink.woo.sandbox.wcauth;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /wc-auth/v1/authorize and /wc-auth/v1/access_granted (WC_Auth). The merchant counts as logged in as the admin
 * user, so the login step is skipped. Approve is a plain GET link, as in WooCommerce.
 */
public final class AppAuthorizationHandler {
    private static final List<String> REQUIRED = List.of("app_name", "scope", "user_id", "return_url", "callback_url");

    private final Store store;
    private final HttpClient http;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    public AppAuthorizationHandler(Store store, HttpClient http) {
        this.store = store;
        this.http = http;
    }

    public Response handle(Request req, String route) {
        String r = route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        try {
            return switch (r) {
                case "/wc-auth/v1/authorize" -> authorize(req);
                case "/wc-auth/v1/access_granted" -> accessGranted(req);
                default -> WpDie.page(404, "Error: Invalid route.");
            };
        } catch (AuthError e) {
            return WpDie.page(e.status, "Error: " + e.getMessage() + ".");
        }
    }

    private static final class AuthError extends RuntimeException {
        final int status;

        AuthError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private String[] validated(Request req) {
        for (String p : REQUIRED) {
            if (req.query(p) == null || req.query(p).isEmpty()) throw new AuthError(400, "Missing parameter " + p);
        }
        String scope = req.query("scope");
        if (!Set.of("read", "write", "read_write").contains(scope)) throw new AuthError(400, "Invalid scope " + scope);
        String callback = req.query("callback_url");
        if (!callback.contains("://")) callback = "https://" + callback;
        for (String p : new String[]{"return_url", "callback_url"}) {
            String v = p.equals("callback_url") ? callback : req.query(p);
            if (!validUrl(v)) throw new AuthError(400, "The " + p + " is not a valid URL");
        }
        if (!callback.startsWith("https://") && !store.options().allowInsecureCallbacks()) {
            throw new AuthError(401, "The callback_url needs to be over SSL");
        }
        return new String[]{req.query("app_name"), scope, req.query("user_id"), req.query("return_url"), callback};
    }

    private Response authorize(Request req) {
        String[] p = validated(req);
        String nonce = Store.randomHex(5);
        nonces.add(nonce);
        if (store.options().autoApprove() || "1".equals(req.query("sandbox_auto_approve"))) {
            return grant(p);
        }
        String query = "app_name=" + enc(p[0]) + "&user_id=" + enc(p[2]) + "&return_url=" + enc(p[3])
                + "&callback_url=" + enc(p[4]) + "&scope=" + enc(p[1]) + "&wc_auth_nonce=" + nonce;
        String approve = store.siteUrl() + "/wc-auth/v1/access_granted/?" + query;
        String deny = p[3] + (p[3].contains("?") ? "&" : "?") + "success=0&user_id=" + enc(p[2]);
        return Response.html(200, GrantPage.render(p[0], p[1], URI.create(p[4]).getHost(), approve, deny));
    }

    private Response accessGranted(Request req) {
        String[] p = validated(req);
        String nonce = req.query("wc_auth_nonce");
        if (nonce == null || !nonces.remove(nonce)) throw new AuthError(401, "Invalid nonce");
        return grant(p);
    }

    /** Creates the key, POSTs it to the callback (which must answer 200), then redirects to return_url. */
    private Response grant(String[] p) {
        String description = p[0] + " - API (" + WpFormat.date(store.clock().now()).replace('T', ' ') + ")";
        ApiKey key = store.issueKey(KeyPermission.parse(p[1]), description);
        ObjectNode body = Json.object();
        body.put("key_id", key.keyId());
        body.put("user_id", p[2]);
        body.put("consumer_key", key.consumerKey());
        body.put("consumer_secret", key.consumerSecret());
        body.put("key_permissions", key.permission().wireName());
        int status;
        try {
            HttpRequest cb = HttpRequest.newBuilder(URI.create(p[4])).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .header("User-Agent", "WordPress/6.8.3; " + store.siteUrl())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.phpBytes(body))).build();
            status = http.send(cb, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        } catch (Exception e) {
            status = 0;
        }
        if (status != 200) {
            store.revokeKey(key.keyId());
            throw new AuthError(401, "An error occurred in the request and at the time were unable to send the consumer data");
        }
        String sep = p[3].contains("?") ? "&" : "?";
        return Response.redirect(p[3] + sep + "success=1&user_id=" + enc(p[2]));
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() != null && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
