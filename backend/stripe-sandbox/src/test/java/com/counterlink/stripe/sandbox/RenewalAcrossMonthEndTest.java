package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test clock carried across a month end renews the subscription: the invoice equals the arithmetic done here by hand. */
class RenewalAcrossMonthEndTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant CHANGE = Instant.parse("2026-03-20T08:30:00Z");

    private StripeSandbox sandbox;
    private StripeClient client;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start();
        client = Sandboxes.client(sandbox);
    }

    @AfterEach
    void stop() { sandbox.close(); }

    @Test
    void theAprilInvoiceIsFiveStoresPlusTheProratedDifferenceOfMarch() throws Exception {
        Price price = Sandboxes.storePrice(client);
        TestClock clock = Sandboxes.clock(client, MARCH_1);
        Customer customer = Sandboxes.payingCustomer(client, clock, "t_month_end");
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(3L).build()).build());
        Sandboxes.advance(client, clock, CHANGE);
        client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(sub.getItems().getData().get(0).getId()).setQuantity(5L).build())
                .build());

        Sandboxes.advance(client, clock, APRIL_1.plusSeconds(2 * 3600));

        // by hand: March has 2,678,400 s; from 20 Mar 08:30 to 1 Apr 00:00 is 11 days 15.5 hours = 1,006,200 s
        long period = APRIL_1.getEpochSecond() - MARCH_1.getEpochSecond();
        long left = APRIL_1.getEpochSecond() - CHANGE.getEpochSecond();
        assertEquals(2_678_400, period);
        assertEquals(1_006_200, left);
        long credit = -Math.round(3 * 1500.0 * left / period);   // -1690.52 → -1691
        long debit = Math.round(5 * 1500.0 * left / period);     // 2817.54 → 2818
        long april = 5 * 1500;                                   // 7500
        assertEquals(-1691, credit);
        assertEquals(2818, debit);
        long expected = april + credit + debit;                  // 8627

        List<Invoice> invoices = client.v1().invoices().list(InvoiceListParams.builder().setSubscription(sub.getId()).build()).getData();
        assertEquals(2, invoices.size());
        Invoice renewal = invoices.get(0);
        assertEquals("subscription_cycle", renewal.getBillingReason());
        assertEquals(expected, renewal.getTotal());
        assertEquals(expected, renewal.getAmountPaid());
        assertEquals("paid", renewal.getStatus());
        assertEquals(MARCH_1.getEpochSecond(), renewal.getPeriodStart(), "a renewal invoice's period is the one that just ended");
        assertEquals(APRIL_1.getEpochSecond(), renewal.getPeriodEnd());
        assertEquals(APRIL_1.getEpochSecond(), renewal.getCreated());
        assertEquals(clock.getId(), renewal.getTestClock());
        List<Long> prorations = renewal.getLines().getData().stream().filter(QuantityChangeTest::isProration)
                .map(InvoiceLineItem::getAmount).sorted().toList();
        assertEquals(List.of(credit, debit), prorations);
        assertTrue(renewal.getLines().getData().stream().filter(QuantityChangeTest::isProration)
                .allMatch(l -> "invoice_item_details".equals(l.getParent().getType())), "swept-in pending items");
        InvoiceLineItem april1 = renewal.getLines().getData().stream().filter(l -> !QuantityChangeTest.isProration(l)).findFirst().orElseThrow();
        assertEquals(april, april1.getAmount());
        assertEquals(APRIL_1.getEpochSecond(), april1.getPeriod().getStart());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z").getEpochSecond(), april1.getPeriod().getEnd());
        assertTrue(renewal.getNumber().endsWith("-0002"), renewal.getNumber());

        Subscription renewed = client.v1().subscriptions().retrieve(sub.getId());
        assertEquals(APRIL_1.getEpochSecond(), renewed.getItems().getData().get(0).getCurrentPeriodStart());
        assertEquals(renewal.getId(), renewed.getLatestInvoice());
    }
}
