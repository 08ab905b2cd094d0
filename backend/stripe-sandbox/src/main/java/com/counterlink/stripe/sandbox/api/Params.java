package com.counterlink.stripe.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed, validated access to one level of a request's parameters. Errors name the full bracketed parameter
 * ({@code items[0][quantity]}), as Stripe's {@code error.param} does.
 */
public final class Params {
    private final ObjectNode node;
    private final String prefix;

    private Params(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static Params of(ObjectNode node) { return new Params(node, null); }

    public static Params empty() { return of(JsonNodeFactory.instance.objectNode()); }

    public ObjectNode raw() { return node; }

    public String name(String key) { return prefix == null ? key : prefix + "[" + key + "]"; }

    /** Refuses any parameter at this level that is not in {@code allowed} ({@code expand} is always allowed at the top). */
    public Params allow(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (prefix == null && key.equals("expand")) continue;
            if (!allowed.contains(key)) throw ApiError.unknown(name(key));
        }
        return this;
    }

    /** Refuses real Stripe parameters the sandbox does not model, so a caller never relies on one silently ignored. */
    public Params refuseUnimplemented(Set<String> unimplemented) {
        for (String key : unimplemented) if (node.has(key)) throw ApiError.notImplemented(name(key));
        return this;
    }

    public boolean has(String key) { return node.has(key); }

    public Optional<String> string(String key) {
        JsonNode v = node.get(key);
        if (v == null) return Optional.empty();
        if (!v.isValueNode()) throw ApiError.invalid(name(key), "Invalid string: " + name(key) + " must be a string, not a hash or array.");
        return Optional.of(v.asText());
    }

    /** A string that may be sent empty to unset the field: empty Optional = absent, {@code ""} = unset. */
    public String requireString(String key) {
        String v = string(key).orElseThrow(() -> ApiError.missing(name(key)));
        if (v.isEmpty()) throw ApiError.invalidEmpty(name(key));
        return v;
    }

    public Optional<String> nonEmptyString(String key) {
        Optional<String> v = string(key);
        if (v.isPresent() && v.get().isEmpty()) throw ApiError.invalidEmpty(name(key));
        return v;
    }

    public Optional<Long> longValue(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty()) return Optional.empty();
        if (v.get().isEmpty()) throw ApiError.invalidEmpty(name(key));
        try {
            return Optional.of(Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
            throw ApiError.invalidInteger(name(key), v.get());
        }
    }

    public Optional<Boolean> bool(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty()) return Optional.empty();
        return switch (v.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ApiError.invalidBoolean(name(key), v.get());
        };
    }

    public Optional<String> oneOf(String key, List<String> allowed) {
        Optional<String> v = nonEmptyString(key);
        if (v.isPresent() && !allowed.contains(v.get())) {
            throw ApiError.invalid(name(key), "Invalid " + name(key) + ": must be one of " + listed(allowed));
        }
        return v;
    }

    public Optional<Params> object(String key) {
        JsonNode v = node.get(key);
        if (v == null) return Optional.empty();
        if (v.isTextual() && v.asText().isEmpty()) return Optional.of(new Params(JsonNodeFactory.instance.objectNode(), name(key)));
        if (!v.isObject()) throw ApiError.invalid(name(key), "Invalid object: " + name(key) + " must be a hash.");
        return Optional.of(new Params((ObjectNode) v, name(key)));
    }

    /** A list of hashes, sent indexed ({@code items[0][price]}) or appended ({@code items[][price]}). */
    public List<Params> objects(String key) {
        List<Params> out = new ArrayList<>();
        List<JsonNode> elements = elements(key);
        for (int i = 0; i < elements.size(); i++) {
            JsonNode e = elements.get(i);
            if (!e.isObject()) throw ApiError.invalid(name(key) + "[" + i + "]", "Invalid hash: " + name(key) + "[" + i + "]");
            out.add(new Params((ObjectNode) e, name(key) + "[" + i + "]"));
        }
        return out;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements(key)) {
            if (!e.isValueNode()) throw ApiError.invalid(name(key), "Invalid array: " + name(key) + " must be an array of strings.");
            out.add(e.asText());
        }
        return out;
    }

    private List<JsonNode> elements(String key) {
        JsonNode v = node.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isTextual() && v.asText().isEmpty()) return out;
        if (v.isArray()) {
            v.forEach(out::add);
            return out;
        }
        if (v.isObject()) {
            TreeMap<Integer, JsonNode> byIndex = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    byIndex.put(Integer.parseInt(e.getKey()), e.getValue());
                } catch (NumberFormatException ex) {
                    throw ApiError.invalid(name(key), "Invalid array: " + name(key) + " must be an array.");
                }
            }
            out.addAll(byIndex.values());
            return out;
        }
        throw ApiError.invalid(name(key), "Invalid array: " + name(key) + " must be an array.");
    }

    /**
     * Applies {@code metadata[...]} to {@code target} as Stripe does: {@code metadata[k]=} drops one key,
     * {@code metadata=} clears them all. Limits: 50 keys, keys up to 40 characters, values up to 500.
     */
    public void applyMetadata(Map<String, String> target) {
        JsonNode v = node.get("metadata");
        if (v == null) return;
        if (v.isTextual()) {
            if (!v.asText().isEmpty()) throw ApiError.invalid(name("metadata"), "Invalid object: metadata must be a hash.");
            target.clear();
            return;
        }
        if (!v.isObject()) throw ApiError.invalid(name("metadata"), "Invalid object: metadata must be a hash.");
        Map<String, String> result = new java.util.LinkedHashMap<>(target);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String param = name("metadata") + "[" + e.getKey() + "]";
            if (!e.getValue().isValueNode()) throw ApiError.invalid(param, "Invalid string: metadata values must be strings.");
            if (e.getKey().length() > 40) throw ApiError.invalid(param, "Metadata keys must be at most 40 characters long.");
            String value = e.getValue().asText();
            if (value.isEmpty()) {
                result.remove(e.getKey());
            } else {
                if (value.length() > 500) throw ApiError.invalid(param, "Metadata values must be at most 500 characters long.");
                result.put(e.getKey(), value);
            }
        }
        if (result.size() > 50) throw ApiError.invalid(name("metadata"), "You can have at most 50 metadata keys.");
        target.clear();
        target.putAll(result);
    }

    private static String listed(List<String> values) {
        if (values.size() == 1) return values.get(0);
        return String.join(", ", values.subList(0, values.size() - 1)) + ", or " + values.get(values.size() - 1);
    }
}
