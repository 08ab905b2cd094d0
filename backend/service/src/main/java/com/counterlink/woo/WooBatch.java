package com.counterlink.woo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch write: at most {@value #MAX_ITEMS} items across create, update and delete, the limit
 * WooCommerce enforces (413 beyond it). Items run one by one without a transaction on the server.
 */
public final class WooBatch {

    public static final int MAX_ITEMS = 100;

    private final List<ObjectNode> create = new ArrayList<>();
    private final List<ObjectNode> update = new ArrayList<>();
    private final List<Long> delete = new ArrayList<>();

    public WooBatch create(ObjectNode item) {
        create.add(item);
        return this;
    }

    public WooBatch update(ObjectNode itemWithId) {
        if (!itemWithId.hasNonNull("id")) {
            throw new IllegalArgumentException("an update needs the item's id");
        }
        update.add(itemWithId);
        return this;
    }

    public WooBatch delete(long id) {
        delete.add(id);
        return this;
    }

    public int size() {
        return create.size() + update.size() + delete.size();
    }

    public List<ObjectNode> creates() {
        return create;
    }

    public List<ObjectNode> updates() {
        return update;
    }

    public List<Long> deletes() {
        return delete;
    }

    /** One item's outcome: the resource WooCommerce answered, or its error (inside the 200). */
    public record ItemResult(String operation, int index, JsonNode resource, WooException error) {

        public boolean ok() {
            return error == null;
        }

        public long id() {
            return resource == null ? 0 : resource.path("id").asLong(0);
        }
    }

    public record Result(List<ItemResult> items) {

        public List<ItemResult> failures() {
            return items.stream().filter(i -> !i.ok()).toList();
        }

        public boolean allOk() {
            return failures().isEmpty();
        }
    }
}
