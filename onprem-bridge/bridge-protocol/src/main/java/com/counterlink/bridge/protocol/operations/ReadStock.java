package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.math.BigDecimal;
import java.util.List;

/** Stock of the given items at the given locations, per grid cell ('*' for unused dimensions). */
public record ReadStock(List<String> locations, List<String> itemNos) implements OperationRequest<ReadStock.Result> {

    public ReadStock {
        locations = Check.codes("locations", locations, 1, 20, 10);
        itemNos = Check.codes("itemNos", itemNos, 1, 500, 20);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_STOCK;
    }

    public record Result(List<Level> levels) {
    }

    public record Level(String itemNo, String locationId, String dim1, String dim2, String dim3,
                        BigDecimal onHand, BigDecimal committed, BigDecimal available) {
    }
}
