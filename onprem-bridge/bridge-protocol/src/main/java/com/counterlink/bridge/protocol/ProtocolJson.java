package com.counterlink.bridge.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** The one JSON mapping of the protocol, used by the backend and the bridge alike. */
public final class ProtocolJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ProtocolJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Reads and validates {@code json} as {@code type}; any problem is an {@link InvalidParameterException}. */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidParameterException invalid) {
                    throw invalid;
                }
            }
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidParameterException(type.getSimpleName(), message);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(parse(json), type);
    }

    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidParameterException("body", "is empty");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidParameterException("body", "is not valid JSON");
        }
    }

    /** The typed request of a task as it arrives on the wire: unknown operations and bad parameters are rejected. */
    public static OperationRequest<?> request(String operation, JsonNode params) {
        BridgeOperation op = BridgeOperation.fromWire(operation);
        return read(params == null || params.isNull() ? MAPPER.createObjectNode() : params, op.requestType());
    }
}
