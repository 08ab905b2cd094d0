package com.counterlink.bridge.protocol;

import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.operations.Ping;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.bridge.protocol.operations.WriteDocument;

/** Every operation the cloud may ask of a bridge. There is no "run this SQL". */
public enum BridgeOperation {
    PING(Ping.class, Ping.Result.class),
    READ_ITEM_CHANGES(ReadItemChanges.class, ReadItemChanges.Page.class),
    READ_STOCK(ReadStock.class, ReadStock.Result.class),
    READ_PRICES(ReadPrices.class, ReadPrices.Result.class),
    READ_SETUP(ReadSetup.class, ReadSetup.Result.class),
    FIND_CUSTOMERS_BY_EMAIL(FindCustomersByEmail.class, FindCustomersByEmail.Result.class),
    CREATE_CUSTOMER(CreateCustomer.class, CreateCustomer.Result.class),
    WRITE_DOCUMENT(WriteDocument.class, WriteDocument.Result.class),
    READ_POSTED_DOCUMENTS(ReadPostedDocuments.class, ReadPostedDocuments.Result.class),
    READ_STOCK_CHANGES(ReadStockChanges.class, ReadStockChanges.Page.class),
    READ_WEB_CATEGORIES(ReadWebCategories.class, ReadWebCategories.Result.class),
    READ_PRICE_CHANGES(ReadPriceChanges.class, ReadPriceChanges.Page.class),
    FIND_CUSTOMER_MATCHES(FindCustomerMatches.class, FindCustomerMatches.Result.class);

    private final Class<? extends OperationRequest<?>> requestType;
    private final Class<?> resultType;

    BridgeOperation(Class<? extends OperationRequest<?>> requestType, Class<?> resultType) {
        this.requestType = requestType;
        this.resultType = resultType;
    }

    public Class<? extends OperationRequest<?>> requestType() {
        return requestType;
    }

    public Class<?> resultType() {
        return resultType;
    }

    /**
     * True for operations that only read Counterpoint: running one again after a lost result is
     * harmless. Anything not listed here is treated as changing Counterpoint.
     */
    public boolean readsOnly() {
        return switch (this) {
            case PING, READ_ITEM_CHANGES, READ_STOCK, READ_PRICES, READ_SETUP, FIND_CUSTOMERS_BY_EMAIL,
                 READ_POSTED_DOCUMENTS, READ_STOCK_CHANGES, READ_WEB_CATEGORIES, READ_PRICE_CHANGES,
                 FIND_CUSTOMER_MATCHES -> true;
            default -> false;
        };
    }

    public static BridgeOperation fromWire(String name) {
        for (BridgeOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new UnknownOperationException(name);
    }
}
