package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One page of stock rows (IM_INV, IM_INV_CELL) at the given locations changed after a cursor (null:
 * from the beginning), oldest change first. Answers which item, location and cell changed; the
 * quantities come from {@link ReadStock}, which sums every location a store sells.
 */
public record ReadStockChanges(StockCursor after, List<String> locations, int pageSize)
        implements OperationRequest<ReadStockChanges.Page> {

    public static final int MAX_PAGE_SIZE = 1000;

    public ReadStockChanges {
        locations = Check.codes("locations", locations, 1, 20, 10);
        Check.range("pageSize", pageSize, 1, MAX_PAGE_SIZE);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_STOCK_CHANGES;
    }

    /**
     * {@code next} is where the following page starts; {@code last} is true when this page was not full;
     * {@code newest} is the position of the newest stamped stock row at any location (null when none
     * is stamped), where a caller that reads all stock anyway can start following the feed.
     */
    public record Page(List<Change> changes, StockCursor next, boolean last, StockCursor newest) {
    }

    /** A stock row that changed: an item at a location (dimensions '*'), or one grid cell there. */
    public record Change(String itemNo, String locationId, String dim1, String dim2, String dim3, LocalDateTime changedAtUtc) {

        public StockCursor position() {
            return new StockCursor(changedAtUtc, itemNo, locationId, dim1, dim2, dim3);
        }
    }
}
