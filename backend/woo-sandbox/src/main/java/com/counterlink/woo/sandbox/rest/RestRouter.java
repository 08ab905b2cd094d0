package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.RestAuthenticator;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches /wp-json routes: authentication, key permissions, route match, then the controller. A 201 gets the
 * Location of what it created.
 */
public final class RestRouter {
    /** A controller method. */
    public interface Handler {
        Response handle(RestContext ctx);
    }

    private record Route(Set<String> methods, Pattern pattern, Permission permission, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public RestRouter add(String methods, String regex, Permission permission, Handler handler) {
        routes.add(new Route(Set.of(methods.split(",")), Pattern.compile("^" + regex + "/?$"), permission, handler));
        return this;
    }

    /**
     * @param route     path below /wp-json, e.g. /wc/v3/products
     * @param sitePath  the request path relative to the site root, used for OAuth base strings
     */
    public Response handle(Store store, Request req, String route, String sitePath, boolean ssl) {
        Response resp;
        try {
            resp = dispatch(store, req, route, sitePath, ssl);
        } catch (RestException e) {
            resp = Response.json(e.status(), e.toBody());
            if (e.status() == 401 && e.code().startsWith("woocommerce_rest_authentication")) {
                resp.header("WWW-Authenticate", "Basic realm=\"WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field.\"");
            }
        }
        if (!resp.headers().containsKey("Link")) resp.header("Link", "<" + store.siteUrl() + "/wp-json/>; rel=\"https://api.w.org/\"");
        if (resp.status() == 201 && "POST".equals(req.method())) {
            JsonNode id = Json.parse(resp.body()).path("id");
            if (id.canConvertToLong()) resp.header("Location", CreatedLocation.of(store, route, id.asLong()));
        }
        return ResponseFields.filter(req, resp);
    }

    private Response dispatch(Store store, Request req, String route, String sitePath, boolean ssl) {
        Optional<ApiKey> key = RestAuthenticator.handles(req) ? RestAuthenticator.authenticate(store, req, ssl, sitePath) : Optional.empty();
        key.ifPresent(k -> RestAuthenticator.checkPermission(k, req.method()));
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(route);
            if (!m.matches() || !r.methods().contains(req.method())) continue;
            if (key.isEmpty()) throw r.permission().denied();
            List<String> args = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) args.add(m.group(i));
            RestContext ctx = new RestContext(store, req, route, args);
            return r.handler().handle(ctx);
        }
        throw new RestException(404, "rest_no_route", "No route was found matching the URL and request method.");
    }
}
