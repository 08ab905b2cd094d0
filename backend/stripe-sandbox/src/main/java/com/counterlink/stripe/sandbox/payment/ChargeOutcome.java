package com.counterlink.stripe.sandbox.payment;

/**
 * What happened when the sandbox tried to take a payment.
 *
 * @param code        error code when it failed ({@code card_declined}, or {@code resource_missing} without a payment method)
 * @param declineCode the card's decline code, or null
 */
public record ChargeOutcome(boolean succeeded, String paymentMethodId, String code, String declineCode, String message) {

    static ChargeOutcome success(String pm) { return new ChargeOutcome(true, pm, null, null, null); }

    static ChargeOutcome declined(String pm, String declineCode) {
        return new ChargeOutcome(false, pm, TestCard.errorCode(declineCode), declineCode, TestCard.declineMessage(declineCode));
    }

    static ChargeOutcome noPaymentMethod() {
        return new ChargeOutcome(false, null, "resource_missing", null,
                "This customer has no attached payment source or default payment method. Please consider adding a default payment method.");
    }
}
