package com.counterlink.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.reflect.ReflectionUtils;
import io.micronaut.core.type.Argument;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Compares a JSON request body with the type its endpoint reads it into, before anything binds it:
 * every value must already have its field's JSON type ({@code "yes"} is not a boolean, {@code "60"} is
 * not a number, {@code 5} is not text), every text must be {@link PlainText}, and no list or object
 * may have more than {@link #MAX_ENTRIES} entries. Fields the type does not know are ignored by the
 * binding, but their text is checked all the same.
 */
final class JsonBodyCheck {

    static final int MAX_ENTRIES = 1000;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private JsonBodyCheck() {
    }

    /** The fields to fix, or none; {@code type} null checks only the text and the sizes. */
    static List<Problem.FieldError> check(JsonNode body, Argument<?> type) {
        JsonBodyCheck check = new JsonBodyCheck();
        check.value(body, type == null ? Argument.OBJECT_ARGUMENT : type, "");
        return check.errors;
    }

    private void value(JsonNode node, Argument<?> type, String field) {
        if (node.isNull()) {
            return; // whether a value is required is bean validation's question
        }
        Class<?> t = ReflectionUtils.getWrapperType(type.getType());
        if (t == Object.class || JsonNode.class.isAssignableFrom(t)) {
            anything(node, field);
        } else if (CharSequence.class.isAssignableFrom(t)) {
            if (expect(node.isTextual(), field, ExpectedValue.of(t))) {
                text(node.textValue(), field);
            }
        } else if (t == Boolean.class) {
            expect(node.isBoolean(), field, ExpectedValue.of(t));
        } else if (t == Integer.class) {
            wholeNumber(node, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (t == Long.class) {
            wholeNumber(node, field, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (t == Short.class) {
            wholeNumber(node, field, Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (t == BigInteger.class) {
            expect(node.isIntegralNumber(), field, ExpectedValue.of(t));
        } else if (Number.class.isAssignableFrom(t)) {
            expect(node.isNumber(), field, ExpectedValue.of(t));
        } else if (t.isEnum()) {
            oneOf(node, t, field);
        } else if (t == UUID.class) {
            if (expect(node.isTextual(), field, ExpectedValue.of(t))) {
                uuid(node.textValue(), field);
            }
        } else if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            list(node, elementType(type), field);
        } else if (Map.class.isAssignableFrom(t)) {
            map(node, type.getTypeParameters().length == 2 ? type.getTypeParameters()[1] : Argument.OBJECT_ARGUMENT, field);
        } else {
            Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(t);
            if (introspection.isPresent()) {
                object(node, introspection.get(), field);
            } else {
                anything(node, field);
            }
        }
    }

    private void object(JsonNode node, BeanIntrospection<?> introspection, String field) {
        if (!expect(node.isObject(), field, ExpectedValue.of(Map.class)) || !withinSize(node, field)) {
            return;
        }
        Map<String, Argument<?>> properties = Arrays.stream(introspection.getConstructorArguments())
                .collect(Collectors.toMap(JsonNames::of, a -> a, (a, b) -> a));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String child = child(field, entry.getKey());
            text(entry.getKey(), child);
            Argument<?> property = properties.get(entry.getKey());
            if (property == null) {
                anything(entry.getValue(), child);
            } else {
                value(entry.getValue(), property, child);
            }
        }
    }

    private void map(JsonNode node, Argument<?> valueType, String field) {
        if (!expect(node.isObject(), field, ExpectedValue.of(Map.class)) || !withinSize(node, field)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String child = child(field, entry.getKey());
            text(entry.getKey(), child);
            value(entry.getValue(), valueType, child);
        }
    }

    private void list(JsonNode node, Argument<?> elementType, String field) {
        if (!expect(node.isArray(), field, ExpectedValue.of(List.class)) || !withinSize(node, field)) {
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            value(node.get(i), elementType, field + "[" + i + "]");
        }
    }

    /** A value of any shape: only its text and sizes are checked. */
    private void anything(JsonNode node, String field) {
        if (node.isTextual()) {
            text(node.textValue(), field);
        } else if (node.isArray()) {
            list(node, Argument.OBJECT_ARGUMENT, field);
        } else if (node.isObject()) {
            map(node, Argument.OBJECT_ARGUMENT, field);
        }
    }

    private void wholeNumber(JsonNode node, String field, long min, long max) {
        if (!expect(node.isIntegralNumber(), field, ExpectedValue.of(Long.class))) {
            return;
        }
        boolean inRange = node.canConvertToLong() && node.longValue() >= min && node.longValue() <= max;
        expect(inRange, field, "must be a whole number from " + min + " to " + max);
    }

    private void oneOf(JsonNode node, Class<?> enumType, String field) {
        boolean known = node.isTextual() && Arrays.stream(enumType.getEnumConstants())
                .anyMatch(c -> ((Enum<?>) c).name().equals(node.textValue()));
        expect(known, field, ExpectedValue.of(enumType));
    }

    private void uuid(String value, String field) {
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            fail(field, ExpectedValue.of(UUID.class));
        }
    }

    private boolean withinSize(JsonNode node, String field) {
        return expect(node.size() <= MAX_ENTRIES, field, "must have at most " + MAX_ENTRIES + " entries");
    }

    private void text(String value, String field) {
        String problem = PlainText.problem(value);
        if (problem != null) {
            fail(field, problem);
        }
    }

    private boolean expect(boolean condition, String field, String message) {
        if (!condition) {
            fail(field, message);
        }
        return condition;
    }

    private void fail(String field, String message) {
        errors.add(new Problem.FieldError(field.isEmpty() ? "body" : field, message));
    }

    private static Argument<?> elementType(Argument<?> type) {
        if (type.getType().isArray()) {
            return Argument.of(type.getType().getComponentType());
        }
        return type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
    }

    private static String child(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

}
