package com.counterlink.stripe.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code application/x-www-form-urlencoded} parameters with Rack-style brackets into a tree:
 * {@code items[0][price]=p&metadata[k]=v&expand[]=a}. Indexed keys ({@code [0]}) stay object keys (Params reads an
 * object with numeric keys as a list), {@code []} appends as Rack does: a new element starts when the current last
 * one already has the key.
 */
public final class FormParser {
    private FormParser() {}

    public static ObjectNode parse(String raw) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (raw == null || raw.isEmpty()) return root;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            List<String> segments = segments(key);
            if (segments.isEmpty() || segments.get(0).isEmpty()) {
                throw ApiError.invalidRequest("Invalid parameter name: " + key);
            }
            put(root, segments, 0, value, key);
        }
        return root;
    }

    static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            out.add(key);
            return out;
        }
        out.add(key.substring(0, open));
        int i = open;
        while (i < key.length()) {
            if (key.charAt(i) != '[') throw ApiError.invalidRequest("Invalid parameter name: " + key);
            int close = key.indexOf(']', i);
            if (close < 0) throw ApiError.invalidRequest("Invalid parameter name: " + key);
            out.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return out;
    }

    private static void put(JsonNode container, List<String> segs, int i, String value, String fullKey) {
        String seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (container instanceof ObjectNode obj) {
            if (last) {
                obj.put(seg, value);
                return;
            }
            JsonNode child = obj.get(seg);
            boolean nextIsAppend = segs.get(i + 1).isEmpty();
            if (child == null || child.isValueNode()) {
                child = nextIsAppend ? obj.putArray(seg) : obj.putObject(seg);
            } else if (nextIsAppend != child.isArray()) {
                throw ApiError.invalid(segs.get(0), "Invalid array/hash mix for parameter " + fullKey);
            }
            put(child, segs, i + 1, value, fullKey);
        } else if (container instanceof ArrayNode arr) {
            // seg is "" (append)
            if (last) {
                arr.add(value);
                return;
            }
            String nextKey = segs.get(i + 1);
            JsonNode lastElement = arr.isEmpty() ? null : arr.get(arr.size() - 1);
            ObjectNode target;
            if (lastElement instanceof ObjectNode o && !o.has(nextKey)) target = o;
            else target = arr.addObject();
            put(target, segs, i + 1, value, fullKey);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidRequest("Invalid URL encoding: " + s);
        }
    }
}
