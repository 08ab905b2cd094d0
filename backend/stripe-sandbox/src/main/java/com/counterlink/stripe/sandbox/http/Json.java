package com.counterlink.stripe.sandbox.http;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON as Stripe writes it: pretty-printed with two spaces and {@code "key": value}. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private Json() {}

    public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

    public static ArrayNode array() { return JsonNodeFactory.instance.arrayNode(); }

    public static byte[] bytes(JsonNode node) {
        try {
            return PRETTY.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectNode putNullable(ObjectNode o, String field, String value) {
        if (value == null) o.putNull(field); else o.put(field, value);
        return o;
    }

    public static ObjectNode putNullable(ObjectNode o, String field, Long value) {
        if (value == null) o.putNull(field); else o.put(field, value);
        return o;
    }

    public static ObjectNode metadata(java.util.Map<String, String> metadata) {
        ObjectNode o = object();
        metadata.forEach(o::put);
        return o;
    }
}
