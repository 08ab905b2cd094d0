package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** One page of items changed after a cursor (null: from the beginning), oldest change first. */
public record ReadItemChanges(ItemCursor after, int pageSize, boolean ecommerceOnly)
        implements OperationRequest<ReadItemChanges.Page> {

    public static final int MAX_PAGE_SIZE = 1000;

    public ReadItemChanges {
        Check.range("pageSize", pageSize, 1, MAX_PAGE_SIZE);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_ITEM_CHANGES;
    }

    /** {@code next} is where the following page starts; {@code last} is true when this page was not full. */
    public record Page(List<Item> items, ItemCursor next, boolean last) {
    }

    public record Item(String itemNo, String description, String longDescription, String itemType,
                       String trackingMethod, int dimensionCount, List<String> gridDimensionTags,
                       String categoryCode, String status, boolean ecommerce, BigDecimal regularPrice,
                       BigDecimal price1, String htmlDescription, LocalDateTime changedAtUtc) {
    }
}
