package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a web order into PS_DOC_* as a ticket ('T') or an order ('O'). The order key is recorded in
 * USR_WEB_ORD_KEY in the same transaction; writing the same key again answers the first document.
 */
public record WriteDocument(String orderKey, char documentType, String storeId, String stationId, String drawerId,
                            String customerNo, String taxCode, String payCode, List<DocumentLine> lines,
                            BigDecimal shipping, BigDecimal taxAmount) implements OperationRequest<WriteDocument.Result> {

    public WriteDocument {
        orderKey = Check.text("orderKey", orderKey, 100, true);
        if (documentType != 'T' && documentType != 'O') {
            throw new InvalidParameterException("documentType", "must be T (ticket) or O (order)");
        }
        Check.code("storeId", storeId, 10);
        Check.code("stationId", stationId, 10);
        Check.code("drawerId", drawerId, 10);
        Check.code("customerNo", customerNo, 15);
        Check.code("taxCode", taxCode, 10);
        Check.code("payCode", payCode, 10);
        lines = Check.list("lines", lines, 1, 500);
        shipping = Check.amount("shipping", shipping == null ? BigDecimal.ZERO : shipping, false);
        taxAmount = Check.amount("taxAmount", taxAmount == null ? BigDecimal.ZERO : taxAmount, false);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.WRITE_DOCUMENT;
    }

    /** {@code firstWrite} is false when the key had been written before and this is that document. */
    public record Result(String orderKey, long docId, String ticketNo, boolean firstWrite) {
    }
}
