package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a web order into PS_DOC_* as a ticket ('T') or an order ('O'). The order key is recorded in
 * USR_WEB_ORD_KEY in the same transaction; writing the same key again answers the first document.
 * {@code reference} is the web order number, kept on the header (PS_DOC_HDR.REF). {@code miscCharges}
 * are the document's misc charges (shipping, fees), each with its taxable part; {@code shipping} is their
 * sum — or, when no misc charges are given, one non-taxable charge on EC_CTL.ORD_MISC_CHRG_NO.
 * {@code taxAmount} is the document's whole tax, levied on the taxable lines and the taxable parts of the
 * misc charges.
 */
public record WriteDocument(String orderKey, char documentType, String storeId, String stationId, String drawerId,
                            String customerNo, String taxCode, String payCode, List<DocumentLine> lines,
                            BigDecimal shipping, BigDecimal taxAmount, String reference, List<MiscCharge> miscCharges)
        implements OperationRequest<WriteDocument.Result> {

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
        taxAmount = Check.amount("taxAmount", taxAmount == null ? BigDecimal.ZERO : taxAmount, false);
        reference = Check.text("reference", reference, 20, false);
        if (miscCharges == null || miscCharges.isEmpty()) {
            shipping = Check.amount("shipping", shipping == null ? BigDecimal.ZERO : shipping, false);
            miscCharges = shipping.signum() == 0 ? List.of() : List.of(new MiscCharge(null, shipping, false));
        } else {
            miscCharges = Check.list("miscCharges", miscCharges, 1, 5);
            Set<Integer> numbers = new HashSet<>();
            for (MiscCharge charge : miscCharges) {
                if (!numbers.add(charge.number())) {
                    throw new InvalidParameterException("miscCharges", "names misc charge " + (charge.number() == null
                            ? "(e-commerce default)" : charge.number()) + " twice");
                }
            }
            shipping = miscCharges.stream().map(MiscCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A document without web order number, with all misc charges in one non-taxable charge. */
    public WriteDocument(String orderKey, char documentType, String storeId, String stationId, String drawerId,
                         String customerNo, String taxCode, String payCode, List<DocumentLine> lines, BigDecimal shipping,
                         BigDecimal taxAmount) {
        this(orderKey, documentType, storeId, stationId, drawerId, customerNo, taxCode, payCode, lines, shipping, taxAmount,
                null, null);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.WRITE_DOCUMENT;
    }

    /** {@code firstWrite} is false when the key had been written before and this is that document. */
    public record Result(String orderKey, long docId, String ticketNo, boolean firstWrite) {
    }
}
