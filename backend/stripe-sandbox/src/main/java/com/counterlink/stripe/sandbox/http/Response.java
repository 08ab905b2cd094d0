package com.counterlink.stripe.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An outgoing HTTP response. */
public final class Response {
    public static final String JSON_TYPE = "application/json";

    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final byte[] body;

    public Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        if (contentType != null) header("Content-Type", contentType);
    }

    public static Response json(int status, JsonNode node) { return new Response(status, JSON_TYPE, Json.bytes(node)); }

    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: the browser follows it with a GET, as after a form POST on Stripe's hosted pages. */
    public static Response seeOther(String location) {
        return new Response(303, null, new byte[0]).header("Location", location);
    }

    public Response header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public int status() { return status; }

    public Map<String, List<String>> headers() { return headers; }

    public byte[] body() { return body; }
}
