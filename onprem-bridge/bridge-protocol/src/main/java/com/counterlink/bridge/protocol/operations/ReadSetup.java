package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.OperationRequest;

import java.util.List;

/** Stores, stations, drawers, locations, pay codes and tax codes: what a site's order settings choose from. */
public record ReadSetup() implements OperationRequest<ReadSetup.Result> {

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_SETUP;
    }

    public record Result(List<Store> stores, List<Station> stations, List<Drawer> drawers, List<Code> locations,
                         List<Code> payCodes, List<Code> taxCodes) {
    }

    public record Store(String storeId, String description, String stockLocationId) {
    }

    public record Station(String storeId, String stationId, String description) {
    }

    public record Drawer(String storeId, String drawerId) {
    }

    public record Code(String code, String description) {
    }
}
