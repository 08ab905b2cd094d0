package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;

import java.math.BigDecimal;

/**
 * A document misc charge (PS_DOC_HDR_MISC_CHRG): Counterpoint's misc charge number 1..5, or null for
 * the e-commerce misc charge of EC_CTL.ORD_MISC_CHRG_NO; the amount; whether it is taxable (its amount
 * then counts in PS_DOC_TAX.TXBL_MISC_CHG_AMT_n).
 */
public record MiscCharge(Integer number, BigDecimal amount, boolean taxable) {

    public MiscCharge {
        if (number != null) {
            Check.range("miscCharges.number", number, 1, 5);
        }
        amount = Check.amount("miscCharges.amount", amount, false);
        if (amount.scale() > 2) {
            throw new InvalidParameterException("miscCharges.amount", "must be in cents");
        }
    }
}
