package com.counterlink.woo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One page of a collection, with WooCommerce's X-WP-Total and X-WP-TotalPages. */
public record WooPage(List<JsonNode> items, int page, long total, int totalPages) {

    public boolean hasNext() {
        return page < totalPages;
    }
}
