package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One page of items whose prices changed after a cursor (null: from the beginning), oldest change
 * first: IM_PRC rows, and IM_ITEM rows (which carry REG_PRC, PRC_1 and the CATEG_COD promotional
 * filters test). Answers which items changed; the prices come from {@link ReadPrices}. Promotional
 * rules change for many items at once, so the page also tells when they last changed and the dates
 * at which a promotion begins or ends, rather than naming items.
 */
public record ReadPriceChanges(ItemCursor after, int pageSize) implements OperationRequest<ReadPriceChanges.Page> {

    public static final int MAX_PAGE_SIZE = 1000;

    public ReadPriceChanges {
        Check.range("pageSize", pageSize, 1, MAX_PAGE_SIZE);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_PRICE_CHANGES;
    }

    /**
     * {@code next} is where the following page starts; {@code last} is true when this page was not full;
     * {@code newest} is the position of the newest price change (null when none is stamped), where a
     * caller that reads every price anyway can start following the feed.
     */
    public record Page(List<Change> changes, ItemCursor next, boolean last, ItemCursor newest, Promotions promotions) {
    }

    /** An item whose price row (or item row) changed at {@code changedAtUtc}. */
    public record Change(String itemNo, LocalDateTime changedAtUtc) {

        public ItemCursor position() {
            return new ItemCursor(changedAtUtc, itemNo);
        }
    }

    /**
     * The promotional price rules (IM_PRC_GRP, IM_PRC_RUL, IM_PRC_RUL_BRK of type 'P'):
     * {@code changedAtUtc} is the newest change of any of their rows (null when none is stamped) and
     * {@code rows} how many rows they have (a deleted rule leaves no stamp, but fewer rows);
     * {@code boundaries} are the begin and end dates of the enabled promotions, in order, the moments
     * a sale starts or stops without any row changing.
     */
    public record Promotions(LocalDateTime changedAtUtc, int rows, List<LocalDateTime> boundaries) {
    }
}
