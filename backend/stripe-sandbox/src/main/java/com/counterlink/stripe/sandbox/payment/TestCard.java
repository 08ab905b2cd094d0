package com.counterlink.stripe.sandbox.payment;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test PaymentMethod tokens and what each card does. {@code pm_card_chargeDeclined} is refused when attached
 * (Stripe checks a card when saving it); {@code pm_card_chargeCustomerFail} attaches but every charge fails.
 *
 * @param declineOnAttach decline code when saving the card fails, or null
 * @param declineOnCharge decline code when charging it fails, or null
 */
public record TestCard(String brand, String last4, String funding, String declineOnAttach, String declineOnCharge) {
    public static final Map<String, TestCard> TOKENS = Map.of(
            "pm_card_visa", new TestCard("visa", "4242", "credit", null, null),
            "pm_card_visa_debit", new TestCard("visa", "5556", "debit", null, null),
            "pm_card_mastercard", new TestCard("mastercard", "4444", "credit", null, null),
            "pm_card_amex", new TestCard("amex", "8431", "credit", null, null),
            "pm_card_chargeDeclined", new TestCard("visa", "0002", "credit", "generic_decline", "generic_decline"),
            "pm_card_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", "credit", "insufficient_funds", "insufficient_funds"),
            "pm_card_chargeDeclinedExpiredCard", new TestCard("visa", "0069", "credit", "expired_card", "expired_card"),
            "pm_card_chargeCustomerFail", new TestCard("visa", "0341", "credit", null, "generic_decline"));

    public static Optional<TestCard> forToken(String token) { return Optional.ofNullable(TOKENS.get(token)); }

    /** The message Stripe shows for a decline code. */
    public static String declineMessage(String declineCode) {
        return switch (declineCode) {
            case "insufficient_funds" -> "Your card has insufficient funds.";
            case "expired_card" -> "Your card has expired.";
            case "incorrect_cvc" -> "Your card's security code is incorrect.";
            default -> "Your card was declined.";
        };
    }

    /** The error {@code code} for a decline code: most are {@code card_declined}, some have their own. */
    public static String errorCode(String declineCode) {
        return switch (declineCode) {
            case "expired_card" -> "expired_card";
            case "incorrect_cvc" -> "incorrect_cvc";
            default -> "card_declined";
        };
    }
}
