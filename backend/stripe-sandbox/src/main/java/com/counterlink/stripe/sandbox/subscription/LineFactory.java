package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.catalog.Catalog;
import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.catalog.Product;
import com.counterlink.stripe.sandbox.core.Money;
import com.counterlink.stripe.sandbox.invoice.Charged;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds the charges a subscription puts on invoices: the period's line, the trial line and proration credits and debits. */
final class LineFactory {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Catalog catalog;

    LineFactory(Catalog catalog) { this.catalog = catalog; }

    /** "3 × Connected store (at $15.00 / month)" for a whole period. */
    Charged period(Subscription s, String itemId, String priceId, long quantity, long start, long end) {
        Price price = catalog.price(priceId).orElseThrow();
        String every = price.recurring().intervalCount() == 1 ? price.recurring().interval()
                : "every " + price.recurring().intervalCount() + " " + price.recurring().interval() + "s";
        String description = quantity + " × " + productName(price) + " (at " + Money.format(price.unitAmount(), price.currency()) + " / " + every + ")";
        return new Charged(quantity * price.unitAmount(), price.currency(), description, quantity, start, end, price.id(), price.productId(),
                Long.toString(price.unitAmount()), false, s.id(), itemId);
    }

    /** The zero line of a trial period. */
    Charged trial(Subscription s, String itemId, String priceId, long quantity, long start, long end) {
        Price price = catalog.price(priceId).orElseThrow();
        return new Charged(0, price.currency(), "Trial period for " + productName(price), quantity, start, end, price.id(), price.productId(),
                "0", false, s.id(), itemId);
    }

    /** Credit for the unused rest of the period at the old quantity (negative). */
    Charged unused(Subscription s, String itemId, String priceId, long quantity, long t, long start, long end) {
        Price price = catalog.price(priceId).orElseThrow();
        long amount = -Proration.remaining(price.unitAmount(), quantity, t, start, end);
        return proration(s, itemId, price, quantity, amount, "Unused time on " + quantity + " × " + productName(price) + " after " + DAY.format(Instant.ofEpochSecond(t)), t, end);
    }

    /** Debit for the rest of the period at the new quantity. */
    Charged remaining(Subscription s, String itemId, String priceId, long quantity, long t, long start, long end) {
        Price price = catalog.price(priceId).orElseThrow();
        long amount = Proration.remaining(price.unitAmount(), quantity, t, start, end);
        return proration(s, itemId, price, quantity, amount, "Remaining time on " + quantity + " × " + productName(price) + " after " + DAY.format(Instant.ofEpochSecond(t)), t, end);
    }

    private static Charged proration(Subscription s, String itemId, Price price, long quantity, long amount, String description, long t, long end) {
        String unit = quantity == 0 ? "0" : BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(quantity), 12, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return new Charged(amount, price.currency(), description, quantity, t, end, price.id(), price.productId(), unit, true, s.id(), itemId);
    }

    private String productName(Price price) { return catalog.product(price.productId()).map(Product::name).orElse(price.productId()); }
}
