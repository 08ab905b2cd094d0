package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WordPress's {@code rest_filter_response_fields} (every REST route): {@code _fields=id,status,billing.email}
 * keeps only those keys of a successful response, of each element when it is a list; a dotted name keeps a
 * nested key (a nested list keeps nothing, as PHP's array_intersect_key on its numeric keys).
 */
final class ResponseFields {

    private ResponseFields() {}

    static Response filter(Request req, Response resp) {
        List<String> asked = req.queryAll("_fields");
        if (asked.isEmpty() || resp.status() >= 400 || !Response.JSON_TYPE.equals(first(resp, "Content-Type"))) return resp;
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String field : String.join(",", asked).split("[,\\s]+")) {
            if (!field.isBlank()) add(keys, field.split("\\."));
        }
        if (keys.isEmpty()) return resp;
        JsonNode data = Json.parse(resp.body());
        JsonNode kept = data.isArray() ? Json.array() : keep(data, keys);
        if (data.isArray()) data.forEach(item -> ((ArrayNode) kept).add(keep(item, keys)));
        Response filtered = Response.json(resp.status(), kept);
        resp.headers().forEach((name, values) -> {
            if (!name.equals("Content-Type")) values.forEach(value -> filtered.header(name, value));
        });
        return filtered;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> keys, String[] parts) {
        Map<String, Object> ref = keys;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = ref.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (next == Boolean.TRUE) return; // the parent is kept whole already
            ref = (Map<String, Object>) next;
        }
        ref.put(parts[parts.length - 1], Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode keep(JsonNode node, Map<String, Object> keys) {
        if (node.isArray()) return Json.array();
        if (!node.isObject()) return node;
        ObjectNode out = Json.object();
        node.properties().forEach(e -> {
            Object sub = keys.get(e.getKey());
            if (sub != null) out.set(e.getKey(), sub == Boolean.TRUE ? e.getValue() : keep(e.getValue(), (Map<String, Object>) sub));
        });
        return out;
    }

    private static String first(Response resp, String header) {
        List<String> values = resp.headers().get(header);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
