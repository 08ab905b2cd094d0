package com.counterlink.stripe.sandbox.invoice;

/**
 * What a line or invoice item charges: an amount for a quantity of a price over a period.
 *
 * @param unitAmountDecimal the per-unit amount as Stripe shows it in {@code pricing.unit_amount_decimal}
 */
public record Charged(long amount, String currency, String description, long quantity, long periodStart, long periodEnd,
                      String priceId, String productId, String unitAmountDecimal, boolean proration,
                      String subscriptionId, String subscriptionItemId) {}
