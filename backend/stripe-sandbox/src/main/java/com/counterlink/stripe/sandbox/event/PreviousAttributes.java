package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * {@code data.previous_attributes} of an {@code *.updated} event: the old values of what changed. Nested hashes keep
 * only their changed keys; lists and scalars are given whole, as Stripe does ({@code items: {data: [old items]}}).
 */
public final class PreviousAttributes {
    private PreviousAttributes() {}

    public static ObjectNode diff(ObjectNode before, ObjectNode after) {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = before.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode now = after.get(e.getKey());
            JsonNode old = e.getValue();
            if (old.equals(now)) continue;
            if (old.isObject() && now != null && now.isObject() && !isListObject(old)) {
                ObjectNode nested = diff((ObjectNode) old, (ObjectNode) now);
                // a key that appeared in the new object had no previous value: Stripe gives it as null
                for (Iterator<String> names = now.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!old.has(name)) nested.putNull(name);
                }
                out.set(e.getKey(), nested);
            } else if (isListObject(old)) {
                ObjectNode list = Json.object();
                list.set("data", old.get("data"));
                out.set(e.getKey(), list);
            } else {
                out.set(e.getKey(), old);
            }
        }
        return out;
    }

    private static boolean isListObject(JsonNode n) { return n.isObject() && "list".equals(n.path("object").asText()); }
}
