package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;

import java.time.LocalDateTime;

/**
 * A keyset position in an item change feed (items with their web descriptions and categories, or
 * prices): RS_UTC_DT (UTC, as Counterpoint stores it, without a zone) and ITEM_NO as the tie breaker.
 * Opaque to callers; they store it and hand it back. The item number is Counterpoint's own, whatever its
 * characters (only its length is checked), so the feed moves past an item that cannot be sent on.
 */
public record ItemCursor(LocalDateTime changedAtUtc, String itemNo) {

    public ItemCursor {
        if (changedAtUtc == null) {
            throw new InvalidParameterException("after.changedAtUtc", "is required");
        }
        Check.key("after.itemNo", itemNo, 20);
    }
}
