package com.counterlink.stripe.sandbox.api;

/** The {@code error.type} values of Stripe's v1 API. */
public enum ErrorType {
    API_ERROR("api_error"),
    CARD_ERROR("card_error"),
    IDEMPOTENCY_ERROR("idempotency_error"),
    INVALID_REQUEST_ERROR("invalid_request_error");

    private final String wire;

    ErrorType(String wire) { this.wire = wire; }

    public String wire() { return wire; }
}
