package com.counterlink.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** The web customer as their latest order's billing address shows them: what possible matches are compared with. */
@Serdeable
public record WebCustomer(String email, String firstName, String lastName, String phone, String zip, String address1) {

    static WebCustomer of(String email, JsonNode billing) {
        return new WebCustomer(email, text(billing, "first_name"), text(billing, "last_name"), text(billing, "phone"),
                text(billing, "postcode"), text(billing, "address_1"));
    }

    private static String text(JsonNode billing, String field) {
        String value = billing == null ? "" : billing.path(field).asText("").strip();
        return value.isEmpty() ? null : value;
    }
}
