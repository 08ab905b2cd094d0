package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

import java.util.List;

/** Customers whose EMAIL_ADRS_1 matches, trimmed and case-insensitive, lowest CUST_NO first. */
public record FindCustomersByEmail(String email) implements OperationRequest<FindCustomersByEmail.Result> {

    public FindCustomersByEmail {
        email = Check.email("email", email, 50);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.FIND_CUSTOMERS_BY_EMAIL;
    }

    public record Result(List<Customer> customers) {
    }
}
