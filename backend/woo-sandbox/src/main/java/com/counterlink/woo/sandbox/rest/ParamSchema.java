package com.counterlink.woo.sandbox.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument's JSON schema, the part WordPress's rest_validate_value_from_schema() checks: type (or several types),
 * enum, an object's properties and an array's items.
 */
public record ParamSchema(List<String> types, List<String> enumValues, Map<String, ParamSchema> properties, ParamSchema items) {

    public static ParamSchema of(String... types) { return new ParamSchema(List.of(types), List.of(), Map.of(), null); }

    public static ParamSchema string() { return of("string"); }

    public static ParamSchema integer() { return of("integer"); }

    public static ParamSchema bool() { return of("boolean"); }

    /** WooCommerce's "date-time", which it turns into null|string for WordPress 5.5+. */
    public static ParamSchema dateTime() { return of("null", "string"); }

    /** WooCommerce's "mixed": every type WordPress knows. */
    public static ParamSchema mixed() { return of("null", "object", "string", "number", "boolean", "integer", "array"); }

    public static ParamSchema oneOf(String... values) { return new ParamSchema(List.of("string"), List.of(values), Map.of(), null); }

    public static ParamSchema arrayOf(ParamSchema items) { return new ParamSchema(List.of("array"), List.of(), Map.of(), items); }

    /** An object with these properties, in schema order: {@code "name", schema, "name", schema, ...}. */
    public static ParamSchema object(Object... nameThenSchema) {
        Map<String, ParamSchema> props = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) props.put((String) nameThenSchema[i], (ParamSchema) nameThenSchema[i + 1]);
        return new ParamSchema(List.of("object"), List.of(), props, null);
    }
}
