package com.counterlink.stripe.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Renders any stored object by its id, chosen by the id's prefix ({@code cus_}, {@code in_}...). Used by expand[]. */
public final class Renderers {
    private final Map<String, Function<String, Optional<ObjectNode>>> byPrefix = new LinkedHashMap<>();

    public void register(String prefix, Function<String, Optional<ObjectNode>> renderer) { byPrefix.put(prefix, renderer); }

    public Optional<ObjectNode> render(String id) {
        for (Map.Entry<String, Function<String, Optional<ObjectNode>>> e : byPrefix.entrySet()) {
            if (id.startsWith(e.getKey())) return e.getValue().apply(id);
        }
        return Optional.empty();
    }
}
