package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.RestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * WP_REST_Request::has_valid_params() with rest_validate_value_from_schema(): strict JSON types, before the
 * controller runs. Every present, non-null argument is checked; all failures come back together as 400
 * {@code rest_invalid_param} with {@code params} and {@code details}.
 */
public final class ParamValidator {
    /** PHP's is_numeric(): leading and trailing whitespace allowed, exponent allowed. */
    private static final Pattern PHP_NUMERIC = Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*");
    private static final List<String> TYPE_PREFERENCE = List.of("array", "object", "integer", "number", "boolean", "string", "null");

    /** One failed argument: the WP_Error rest_validate_value_from_schema() returned. */
    public record Failure(String code, String message, ObjectNode data) {
        ObjectNode detail() {
            ObjectNode o = Json.object();
            o.put("code", code);
            o.put("message", message);
            if (data == null) o.putNull("data"); else o.set("data", data);
            return o;
        }
    }

    private ParamValidator() {}

    /** Checks a JSON body against the route's arguments (in schema order). */
    public static void validateBody(JsonNode body, Map<String, ParamSchema> args) {
        Map<String, Failure> failures = new LinkedHashMap<>();
        for (Map.Entry<String, ParamSchema> arg : args.entrySet()) {
            JsonNode value = body == null ? null : body.get(arg.getKey());
            if (value == null || value.isNull()) continue;
            validate(value, arg.getValue(), arg.getKey()).ifPresent(f -> failures.put(arg.getKey(), f));
        }
        throwIfAny(failures);
    }

    /** Checks query parameters (always strings) against the route's arguments. */
    public static void validateQuery(Request req, Map<String, ParamSchema> args) {
        Map<String, Failure> failures = new LinkedHashMap<>();
        for (Map.Entry<String, ParamSchema> arg : args.entrySet()) {
            String value = req.query(arg.getKey());
            if (value == null) continue;
            validate(TextNode.valueOf(value), arg.getValue(), arg.getKey()).ifPresent(f -> failures.put(arg.getKey(), f));
        }
        throwIfAny(failures);
    }

    public static void throwIfAny(Map<String, Failure> failures) {
        if (failures.isEmpty()) return;
        ObjectNode data = Json.object();
        ObjectNode params = data.putObject("params");
        ObjectNode details = data.putObject("details");
        failures.forEach((param, f) -> {
            params.put(param, f.message());
            details.set(param, f.detail());
        });
        throw new RestException(400, "rest_invalid_param", "Invalid parameter(s): " + String.join(", ", failures.keySet()), data);
    }

    /** rest_validate_value_from_schema(); {@code param} names nested values as WordPress does: {@code dimensions[length]}. */
    public static Optional<Failure> validate(JsonNode value, ParamSchema schema, String param) {
        String type;
        if (schema.types().size() > 1) {
            type = TYPE_PREFERENCE.stream().filter(schema.types()::contains).filter(t -> isOfType(value, t)).findFirst().orElse(null);
            if (type == null) return Optional.of(invalidType(param, String.join(",", schema.types())));
        } else {
            type = schema.types().getFirst();
        }
        Optional<Failure> typeFailure = switch (type) {
            case "null" -> value.isNull() ? Optional.empty() : Optional.of(invalidType(param, "null"));
            case "boolean" -> isBoolean(value) ? Optional.empty() : Optional.of(invalidType(param, "boolean"));
            case "string" -> value.isTextual() ? Optional.empty() : Optional.of(invalidType(param, "string"));
            case "number" -> isNumeric(value) ? Optional.empty() : Optional.of(invalidType(param, "number"));
            case "integer" -> isInteger(value) ? Optional.empty() : Optional.of(invalidType(param, "integer"));
            case "object" -> validateObject(value, schema, param);
            case "array" -> validateArray(value, schema, param);
            default -> Optional.empty();
        };
        if (typeFailure.isPresent()) return typeFailure;
        if (!schema.enumValues().isEmpty() && !schema.enumValues().contains(value.asText())) {
            return Optional.of(new Failure("rest_not_in_enum", notOneOf(param, schema.enumValues()), null));
        }
        return Optional.empty();
    }

    /** WordPress's "%1$s is not one of %2$l." (wp_sprintf_l: "a and b", "a, b, and c"). */
    public static String notOneOf(String param, List<String> values) {
        if (values.size() == 1) return param + " is not " + values.getFirst() + ".";
        String list = values.size() == 2 ? values.get(0) + " and " + values.get(1)
                : String.join(", ", values.subList(0, values.size() - 1)) + ", and " + values.getLast();
        return param + " is not one of " + list + ".";
    }

    private static Optional<Failure> validateObject(JsonNode value, ParamSchema schema, String param) {
        // rest_is_object(): '' and any PHP array (a JSON list too) count as objects.
        boolean isObject = value.isObject() || value.isArray() || value.isTextual() && value.asText().isEmpty();
        if (!isObject) return Optional.of(invalidType(param, "object"));
        if (!value.isObject()) return Optional.empty();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ParamSchema property = schema.properties().get(e.getKey());
            if (property == null) continue;
            Optional<Failure> f = validate(e.getValue(), property, param + "[" + e.getKey() + "]");
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<Failure> validateArray(JsonNode value, ParamSchema schema, String param) {
        List<JsonNode> items = arrayItems(value);
        if (items == null) return Optional.of(invalidType(param, "array"));
        if (schema.items() == null) return Optional.empty();
        for (int i = 0; i < items.size(); i++) {
            Optional<Failure> f = validate(items.get(i), schema.items(), param + "[" + i + "]");
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** rest_is_array(): a list, or a scalar that wp_parse_list() splits on commas and spaces; null when neither. */
    private static List<JsonNode> arrayItems(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
            return out;
        }
        if (!value.isValueNode() || value.isNull()) return null;
        String scalar = value.isBoolean() ? (value.asBoolean() ? "1" : "") : value.asText();
        for (String part : scalar.split("[\\s,]+")) if (!part.isEmpty()) out.add(TextNode.valueOf(part));
        return out;
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "array" -> arrayItems(value) != null;
            case "object" -> value.isObject() || value.isArray() || value.isTextual() && value.asText().isEmpty();
            case "integer" -> isInteger(value);
            case "number" -> isNumeric(value);
            case "boolean" -> isBoolean(value);
            case "string" -> value.isTextual();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    /** rest_is_boolean(): true/false, "true"/"false"/"1"/"0" (any case), or the integers 0 and 1. */
    private static boolean isBoolean(JsonNode v) {
        if (v.isBoolean()) return true;
        if (v.isTextual()) return List.of("true", "false", "1", "0").contains(v.asText().toLowerCase(java.util.Locale.ROOT));
        return v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1);
    }

    private static boolean isNumeric(JsonNode v) {
        return v.isNumber() || v.isTextual() && PHP_NUMERIC.matcher(v.asText()).matches();
    }

    /** rest_is_integer(): numeric and equal to its rounded value (so 2.5 is not, "3" and 3.0 are). */
    private static boolean isInteger(JsonNode v) {
        if (!isNumeric(v)) return false;
        double d = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().strip());
        return Math.rint(d) == d && !Double.isInfinite(d);
    }

    private static Failure invalidType(String param, String type) {
        ObjectNode data = Json.object();
        data.put("param", param);
        return new Failure("rest_invalid_type", param + " is not of type " + type + ".", data);
    }
}
