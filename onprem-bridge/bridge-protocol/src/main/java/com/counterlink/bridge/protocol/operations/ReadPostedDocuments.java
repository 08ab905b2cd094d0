package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.util.List;

/** For documents the connector wrote, which have been posted (moved to PS_TKT_HIST). */
public record ReadPostedDocuments(List<String> orderKeys) implements OperationRequest<ReadPostedDocuments.Result> {

    public ReadPostedDocuments {
        orderKeys = Check.list("orderKeys", orderKeys, 1, 500).stream()
                .map(key -> Check.text("orderKeys", key, 100, true)).distinct().toList();
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_POSTED_DOCUMENTS;
    }

    /** Keys never written are listed with {@code written=false}. */
    public record Result(List<Status> documents) {
    }

    public record Status(String orderKey, boolean written, Long docId, String ticketNo, boolean posted) {
    }
}
