package com.counterlink.woo.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An outgoing HTTP response. */
public final class Response {
    public static final String JSON_TYPE = "application/json; charset=UTF-8";

    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final byte[] body;

    public Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        if (contentType != null) header("Content-Type", contentType);
    }

    public static Response json(int status, JsonNode node) {
        return new Response(status, JSON_TYPE, Json.phpBytes(node));
    }

    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response redirect(String location) {
        Response r = new Response(302, "text/html; charset=UTF-8", new byte[0]);
        r.header("X-Redirect-By", "WordPress");
        r.header("Location", location);
        return r;
    }

    public Response header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public Response replaceHeader(String name, String value) {
        headers.remove(name);
        return header(name, value);
    }

    public int status() { return status; }

    public Map<String, List<String>> headers() { return headers; }

    public byte[] body() { return body; }
}
