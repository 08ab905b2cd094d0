package com.counterlink.stripe.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An incoming HTTP request, decoupled from the JDK server so handlers stay testable. */
public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public Request {
        method = method.toUpperCase(Locale.ROOT);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    public boolean isFormBody() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
