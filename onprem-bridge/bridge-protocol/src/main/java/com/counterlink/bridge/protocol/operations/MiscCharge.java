package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * A document misc charge (PS_DOC_HDR_MISC_CHRG): Counterpoint's misc charge number 1..5, or null for
 * the e-commerce misc charge of EC_CTL.ORD_MISC_CHRG_NO; the amount; and how much of it is taxable,
 * which is what counts in PS_DOC_TAX.TXBL_MISC_CHG_AMT_n: all of it ({@code taxable}), none, or a part
 * ({@code taxableAmount}) when taxable and non-taxable charges share the misc charge.
 *
 * <p>{@code taxableAmount} came after the other fields. It is sent only for a partly taxable charge (a
 * wholly taxable or untaxed one is normalised to {@code taxable} and no {@code taxableAmount}), so a bridge
 * that predates it still reads every other charge; it refuses a partly taxable one as an unknown field
 * rather than writing it wrong.
 */
public record MiscCharge(Integer number, BigDecimal amount, boolean taxable,
                         @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal taxableAmount) {

    public MiscCharge {
        if (number != null) {
            Check.range("miscCharges.number", number, 1, 5);
        }
        amount = cents("miscCharges.amount", amount);
        if (taxableAmount != null) {
            taxableAmount = cents("miscCharges.taxableAmount", taxableAmount);
            if (taxableAmount.compareTo(amount) > 0) {
                throw new InvalidParameterException("miscCharges.taxableAmount", "is more than the charge (" + amount + ")");
            }
            if (taxable && taxableAmount.compareTo(amount) != 0) {
                throw new InvalidParameterException("miscCharges.taxableAmount", "must be the whole amount of a taxable charge;"
                        + " a partly taxable charge has taxable false");
            }
            if (taxableAmount.signum() == 0) {
                taxableAmount = null;
            } else if (taxableAmount.compareTo(amount) == 0) {
                taxable = true;
                taxableAmount = null;
            }
        }
    }

    /** A charge taxable in full or not at all. */
    public MiscCharge(Integer number, BigDecimal amount, boolean taxable) {
        this(number, amount, taxable, null);
    }

    /** A charge of which {@code taxablePart} (0 to all of it) is taxable. */
    public static MiscCharge withTaxablePart(Integer number, BigDecimal amount, BigDecimal taxablePart) {
        return new MiscCharge(number, amount, false, taxablePart);
    }

    /** The part of the amount in the document's taxable base (PS_DOC_TAX.TXBL_MISC_CHG_AMT_n). */
    public BigDecimal taxableBase() {
        return taxableAmount != null ? taxableAmount : taxable ? amount : BigDecimal.ZERO;
    }

    private static BigDecimal cents(String field, BigDecimal value) {
        BigDecimal checked = Check.amount(field, value, false);
        if (checked.scale() > 2) {
            throw new InvalidParameterException(field, "must be in cents");
        }
        return checked;
    }
}
