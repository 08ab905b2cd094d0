package com.counterlink.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON object kept as a map (a store's settings) field by field. A missing or null field takes
 * its fallback; a field of the wrong type is an error naming it, never silently the default. Collect
 * every field, then {@link #throwIfInvalid()}.
 */
public final class MapFields {

    private final Map<?, ?> map;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private MapFields(Map<?, ?> map) {
        this.map = map == null ? Map.of() : map;
    }

    public static MapFields of(Map<?, ?> map) {
        return new MapFields(map);
    }

    public String text(String key, String fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            return wrong(key, String.class, fallback);
        }
        return checked(key, text) ? text : fallback;
    }

    public Integer wholeNumber(String key, Integer fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        BigDecimal number = switch (value) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case BigInteger b -> new BigDecimal(b);
            default -> null;
        };
        if (number == null) {
            return wrong(key, Integer.class, fallback);
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            errors.add(new Problem.FieldError(key, "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE));
            return fallback;
        }
        return number.intValue();
    }

    public Boolean bool(String key, Boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        return value instanceof Boolean b ? b : wrong(key, Boolean.class, fallback);
    }

    /** An object of text values, such as payment method → pay code; keys are text too. */
    public Map<String, String> textMap(String key, int maxEntries) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            return wrong(key, Map.class, Map.of());
        }
        if (entries.size() > maxEntries) {
            errors.add(new Problem.FieldError(key, "must have at most " + maxEntries + " entries"));
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            String name = key + "." + k;
            if (!(k instanceof String text) || !checked(name, text)) {
                return;
            }
            if (!(v instanceof String code)) {
                errors.add(new Problem.FieldError(name, ExpectedValue.of(String.class)));
            } else if (checked(name, code)) {
                result.put(text, code);
            }
        });
        return result;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private boolean checked(String key, String text) {
        String problem = PlainText.problem(text);
        if (problem != null) {
            errors.add(new Problem.FieldError(key, problem));
        }
        return problem == null;
    }

    private <T> T wrong(String key, Class<?> expected, T fallback) {
        errors.add(new Problem.FieldError(key, ExpectedValue.of(expected)));
        return fallback;
    }
}
