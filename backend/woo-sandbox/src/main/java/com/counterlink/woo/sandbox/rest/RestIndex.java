package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WordPress's public REST index ({@code GET /wp-json/}, WP_REST_Server::get_index), which needs no
 * authentication: the site's name, description, {@code url} (siteurl), {@code home} (home_url), time
 * zone and namespaces. {@code _fields} keeps only the named top-level fields, as WordPress does. The
 * route list is left out: nothing here reads it, and the sandbox serves only wc/v3.
 */
public final class RestIndex {
    private RestIndex() {}

    public static Response render(Store store, Request req) {
        ObjectNode o = Json.object();
        o.put("name", store.name());
        o.put("description", "");
        o.put("url", store.siteUrl());
        o.put("home", store.siteUrl());
        // timezone_string "UTC" makes WordPress compute gmt_offset (a number) from it
        o.put("gmt_offset", 0);
        o.put("timezone_string", "UTC");
        o.putArray("namespaces").add("wc/v3");
        o.putObject("authentication");
        o.putObject("_links").putArray("help").addObject().put("href", "https://developer.wordpress.org/rest-api/");
        String fields = req.query("_fields");
        if (fields != null && !fields.isBlank()) {
            Set<String> keep = Arrays.stream(fields.split(",")).map(String::strip).collect(Collectors.toSet());
            o.retain(keep);
        }
        Response r = Response.json(200, o);
        r.header("Link", "<" + store.siteUrl() + "/wp-json/>; rel=\"https://api.w.org/\"");
        return r;
    }
}
