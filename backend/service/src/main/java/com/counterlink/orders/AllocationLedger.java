package com.counterlink.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What web orders hold of an item until Counterpoint's own quantities include the sale: the
 * {@code allocated(item)} term of the inventory formula, over every store of the tenant (they share
 * one Counterpoint). Call inside a tenant transaction.
 */
public interface AllocationLedger {

    /** The open allocation of an item's cell; {@code cell} is {@code DIM1|DIM2|DIM3} or {@code *|*|*}. */
    BigDecimal allocated(UUID tenantId, String itemNo, String cell);

    /** The open allocation of an item over all its cells. */
    BigDecimal allocated(UUID tenantId, String itemNo);
}
