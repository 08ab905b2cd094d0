package com.counterlink.woo.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An incoming HTTP request, decoupled from the JDK server so handlers stay testable. */
public final class Request {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final LinkedHashMap<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private JsonNode json;

    public Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.query = parseForm(this.rawQuery);
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    public Request withPath(String newPath, String newRawQuery) {
        return new Request(method, newPath, newRawQuery, headers, body);
    }

    public String method() { return method; }

    public String path() { return path; }

    public String rawQuery() { return rawQuery; }

    public byte[] body() { return body; }

    public LinkedHashMap<String, List<String>> queryParams() { return query; }

    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public List<String> queryAll(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equals(name) || e.getKey().startsWith(name + "[")) out.addAll(e.getValue());
        }
        return out;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    public boolean isFormBody() {
        String ct = header("Content-Type");
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    public LinkedHashMap<String, List<String>> formParams() {
        return isFormBody() ? parseForm(new String(body, StandardCharsets.UTF_8)) : new LinkedHashMap<>();
    }

    public JsonNode json() {
        if (json == null) json = Json.parse(body);
        return json;
    }

    public static LinkedHashMap<String, List<String>> parseForm(String raw) {
        LinkedHashMap<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
