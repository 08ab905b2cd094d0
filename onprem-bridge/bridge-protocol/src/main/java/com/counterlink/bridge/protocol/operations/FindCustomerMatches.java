package com.counterlink.bridge.protocol.operations;

import com.counterlink.bridge.protocol.BridgeOperation;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.OperationRequest;

import java.util.List;

/**
 * Customers a person might link a web customer to: any AR_CUST row with the same e-mail (trimmed,
 * case-insensitive), the same phone (digits only) or the same last name and postal code, lowest CUST_NO
 * first, at most {@code limit}. The bridge only finds candidates; the cloud scores them.
 */
public record FindCustomerMatches(String email, String firstName, String lastName, String phone, String zip,
                                  String address1, int limit) implements OperationRequest<FindCustomerMatches.Result> {

    public static final int MAX_LIMIT = 20;
    /** Fewer digits than this would match by accident (an extension, a short code). */
    public static final int MIN_PHONE_DIGITS = 7;

    public FindCustomerMatches {
        email = email == null || email.isBlank() ? null : Check.email("email", email, 50);
        firstName = Check.text("firstName", firstName, 15, false);
        lastName = Check.text("lastName", lastName, 25, false);
        phone = Check.text("phone", phone, 25, false);
        zip = Check.text("zip", zip, 15, false);
        address1 = Check.text("address1", address1, 40, false);
        limit = Check.range("limit", limit, 1, MAX_LIMIT);
        if (email == null && lastName == null && phoneDigits(phone).length() < MIN_PHONE_DIGITS) {
            throw new InvalidParameterException("email", "an e-mail, a phone number or a last name is needed to look for matches");
        }
    }

    /** The digits of a phone number, "" for none: "(901) 555-0101" and "901.555.0101" are the same phone. */
    public static String phoneDigits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    @Override
    public BridgeOperation operation() {
        return BridgeOperation.FIND_CUSTOMER_MATCHES;
    }

    public record Result(List<Candidate> candidates) {
    }

    /** What a person needs to recognise the customer; PHONE_1, ADRS_1, CITY and ZIP_COD as Counterpoint keeps them. */
    public record Candidate(String customerNo, String name, String firstName, String lastName, String email,
                            String phone, String address1, String city, String zip) {
    }
}
