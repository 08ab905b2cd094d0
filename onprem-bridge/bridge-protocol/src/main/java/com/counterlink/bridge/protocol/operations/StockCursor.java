package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;

import java.time.LocalDateTime;

/**
 * A keyset position in the change order of stock rows (IM_INV and IM_INV_CELL together): RS_UTC_DT
 * (UTC, without a zone, as Counterpoint stores it), then ITEM_NO, LOC_ID and the cell's dimensions
 * ('*' for an IM_INV row and for unused dimensions). Opaque to callers: they store it and hand it back.
 * Its keys are Counterpoint's own, whatever their characters (only their lengths are checked), so the feed
 * moves past a row that cannot be sent on.
 */
public record StockCursor(LocalDateTime changedAtUtc, String itemNo, String locationId, String dim1, String dim2,
                          String dim3) {

    public StockCursor {
        if (changedAtUtc == null) {
            throw new InvalidParameterException("after.changedAtUtc", "is required");
        }
        Check.key("after.itemNo", itemNo, 20);
        Check.key("after.locationId", locationId, 10);
        Check.key("after.dim1", dim1, 15);
        Check.key("after.dim2", dim2, 15);
        Check.key("after.dim3", dim3, 15);
    }
}
