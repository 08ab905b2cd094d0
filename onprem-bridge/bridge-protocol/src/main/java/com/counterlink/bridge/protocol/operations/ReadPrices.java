package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** The items' prices on one level, and the promotional price rules (IM_PRC_GRP 'P') with their dates and breaks. */
public record ReadPrices(PriceLevel level, List<String> itemNos) implements OperationRequest<ReadPrices.Result> {

    public ReadPrices {
        if (level == null) {
            throw new InvalidParameterException("level", "is required (REG_PRC, PRC_1, PRC_2 or PRC_3)");
        }
        itemNos = Check.codes("itemNos", itemNos, 1, 500, 20);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_PRICES;
    }

    public record Result(List<ItemPrice> prices, List<Promotion> promotions) {
    }

    /** {@code price} is null when the item has no value on that level. */
    public record ItemPrice(String itemNo, BigDecimal price) {
    }

    public record Promotion(String groupCode, String description, boolean enabled, LocalDateTime begins,
                            LocalDateTime ends, List<Rule> rules) {
    }

    public record Rule(int sequence, String description, String itemFilter, List<Break> breaks) {
    }

    public record Break(BigDecimal minQuantity, String priceMethod, String priceBasis, BigDecimal amountOrPercent) {
    }
}
