package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.OperationRequest;

/**
 * Creates a customer from a web billing address, numbered from EC_CTL.NXT_CUST_NO. {@code webCustomerKey}
 * is kept in AR_CUST.ECOMM_CUST_NO, so creating the same key again answers the first customer.
 */
public record CreateCustomer(String webCustomerKey, String firstName, String lastName, String email, String phone,
                             String address1, String address2, String city, String state, String zip,
                             String country) implements OperationRequest<CreateCustomer.Result> {

    public CreateCustomer {
        webCustomerKey = Check.text("webCustomerKey", webCustomerKey, 50, true);
        firstName = Check.text("firstName", firstName, 15, true);
        lastName = Check.text("lastName", lastName, 25, true);
        email = Check.email("email", email, 50);
        phone = Check.text("phone", phone, 25, false);
        address1 = Check.text("address1", address1, 40, false);
        address2 = Check.text("address2", address2, 40, false);
        city = Check.text("city", city, 20, false);
        state = Check.text("state", state, 10, false);
        zip = Check.text("zip", zip, 15, false);
        country = Check.text("country", country, 20, false);
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.CREATE_CUSTOMER;
    }

    /** {@code created} is false when the key already had a customer. */
    public record Result(Customer customer, boolean created) {
    }
}
