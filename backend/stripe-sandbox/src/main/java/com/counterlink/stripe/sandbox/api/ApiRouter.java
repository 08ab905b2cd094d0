package com.counterlink.stripe.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes {@code METHOD /v1/...} to a handler; path variables are written {@code {name}}. */
public final class ApiRouter {
    /** Handles one call and returns the JSON body of a 200 answer. */
    @FunctionalInterface
    public interface Handler {
        ObjectNode handle(ApiCall call);
    }

    /** A matched route: the handler and the path's variables. */
    public record Match(Handler handler, Map<String, String> vars) {}

    private record Route(String method, String[] segments, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public ApiRouter get(String path, Handler h) { return add("GET", path, h); }

    public ApiRouter post(String path, Handler h) { return add("POST", path, h); }

    public ApiRouter delete(String path, Handler h) { return add("DELETE", path, h); }

    private ApiRouter add(String method, String path, Handler h) {
        routes.add(new Route(method, path.substring(1).split("/"), h));
        return this;
    }

    public Optional<Match> match(String method, String path) {
        String[] parts = path.substring(1).split("/");
        // literal routes (/v1/invoices/create_preview) win over variables (/v1/invoices/{invoice})
        Match best = null;
        int bestLiterals = -1;
        for (Route r : routes) {
            if (!r.method.equals(method) || r.segments.length != parts.length) continue;
            Map<String, String> vars = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                String s = r.segments[i];
                if (s.startsWith("{")) {
                    if (parts[i].isEmpty()) ok = false;
                    else vars.put(s.substring(1, s.length() - 1), parts[i]);
                } else if (s.equals(parts[i])) {
                    literals++;
                } else {
                    ok = false;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(r.handler, vars);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }
}
