package com.counterlink.stripe.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Applies {@code expand[]} paths ({@code latest_invoice}, {@code items.data.price.product}, {@code data.customer}
 * on lists) to a rendered object: an id string at the path is replaced by the object it names.
 */
public final class Expander {
    private static final int MAX_DEPTH = 4;

    private final Renderers renderers;

    public Expander(Renderers renderers) { this.renderers = renderers; }

    public void expand(ObjectNode root, List<String> paths) {
        for (String path : paths) {
            String[] segments = path.split("\\.");
            long expandable = java.util.Arrays.stream(segments).filter(s -> !s.equals("data")).count();
            if (expandable > MAX_DEPTH) {
                throw ApiError.invalid("expand", "You cannot expand more than 4 levels of a property. Property: " + path);
            }
            walk(root, segments, 0, path);
        }
    }

    private void walk(JsonNode node, String[] segments, int i, String path) {
        if (node == null || node.isNull()) return;
        if (node.isArray()) {
            for (JsonNode element : node) walk(element, segments, i, path);
            return;
        }
        if (!(node instanceof ObjectNode obj)) throw cannotExpand(segments[i]);
        String field = segments[i];
        JsonNode child = obj.get(field);
        if (child == null) throw cannotExpand(field);
        boolean last = i == segments.length - 1;
        if (child.isTextual()) {
            ObjectNode expanded = renderers.render(child.asText()).orElseThrow(() -> cannotExpand(field));
            obj.set(field, expanded);
            child = expanded;
        } else if (last && !child.isNull() && !child.isObject()) {
            throw cannotExpand(field);
        }
        if (!last) walk(child, segments, i + 1, path);
    }

    private static ApiError cannotExpand(String field) {
        return ApiError.invalid("expand", "This property cannot be expanded (" + field + ").");
    }
}
