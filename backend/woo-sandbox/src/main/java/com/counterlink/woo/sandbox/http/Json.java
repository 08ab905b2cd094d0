package com.counterlink.woo.sandbox.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON helpers. Output mimics PHP's json_encode defaults (escaped slashes and non-ASCII) because webhook
 * signatures are computed over the exact bytes and clients must not depend on re-serialisation. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PHP_WRITER = new ObjectMapper();

    static {
        PHP_WRITER.getFactory().setCharacterEscapes(new PhpEscapes());
        PHP_WRITER.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        MAPPER.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    private Json() {}

    public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

    public static ArrayNode array() { return JsonNodeFactory.instance.arrayNode(); }

    public static byte[] phpBytes(JsonNode node) {
        try {
            return PHP_WRITER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String phpString(JsonNode node) { return new String(phpBytes(node), StandardCharsets.UTF_8); }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return object();
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new RestException(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
    }

    public static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) return fallback;
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static final class PhpEscapes extends CharacterEscapes {
        private final int[] table;

        PhpEscapes() {
            table = standardAsciiEscapesForJSON();
            table['/'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() { return table; }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '/') return new SerializedString("\\/");
            if (ch > 127) return new SerializedString(String.format("\\u%04x", ch));
            return null;
        }
    }
}
