package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.util.List;

/** The web categories (EC_CATEG) and which of the given items are in which (EC_CATEG_ITEM). */
public record ReadWebCategories(List<String> itemNos) implements OperationRequest<ReadWebCategories.Result> {

    public ReadWebCategories {
        itemNos = Check.codes("itemNos", itemNos, 1, 500, 20);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.READ_WEB_CATEGORIES;
    }

    /** Every web category in display order, and the items' memberships in their entry order. */
    public record Result(List<Category> categories, List<Membership> memberships) {
    }

    public record Category(int id, String name, int displaySequence) {
    }

    public record Membership(String itemNo, int categoryId) {
    }
}
