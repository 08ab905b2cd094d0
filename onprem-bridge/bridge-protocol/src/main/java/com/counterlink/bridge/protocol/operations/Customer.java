package com.counterlink.bridge.protocol.operations;

/** The customer fields the connector needs (no more leaves the retailer's server). */
public record Customer(String customerNo, String name, String firstName, String lastName, String email,
                       boolean ecommerceCustomer) {
}
