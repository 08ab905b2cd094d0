package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant connects two more stores mid-month: the reference's worked example (section 5). Price 1500 per store,
 * period 2026-03-01 → 2026-04-01 (2,678,400 s), change at 2026-03-16T12:00Z (half the period left), 3 → 5 stores.
 */
class QuantityChangeTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant CHANGE = Instant.parse("2026-03-16T12:00:00Z");

    private StripeSandbox sandbox;
    private StripeClient client;
    private Subscription sub;
    private SubscriptionItem item;
    private Customer customer;

    @BeforeEach
    void subscribeThreeStoresOnMarchFirst() throws Exception {
        sandbox = StripeSandbox.start();
        client = Sandboxes.client(sandbox);
        Price price = Sandboxes.storePrice(client);
        TestClock clock = Sandboxes.clock(client, MARCH_1);
        customer = Sandboxes.payingCustomer(client, clock, "t_7");
        sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(3L).build()).build());
        assertEquals("active", sub.getStatus());
        item = sub.getItems().getData().get(0);
        assertEquals(Instant.parse("2026-04-01T00:00:00Z").getEpochSecond(), item.getCurrentPeriodEnd());
        Sandboxes.advance(client, clock, CHANGE);
    }

    @AfterEach
    void stop() { sandbox.close(); }

    @Test
    void thePreviewShowsTheCreditAndTheDebitForTheRestOfThePeriodAndTheNextMonthAtTheNewQuantity() throws Exception {
        Invoice preview = client.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(customer.getId()).setSubscription(sub.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item.getId()).setQuantity(5L).build())
                        .setProrationDate(CHANGE.getEpochSecond()).build()).build());

        assertTrue(preview.getId().startsWith("upcoming_in_"), preview.getId());
        assertEquals(CHANGE.getEpochSecond(), preview.getParent().getSubscriptionDetails().getSubscriptionProrationDate());
        List<InvoiceLineItem> prorations = preview.getLines().getData().stream().filter(QuantityChangeTest::isProration).toList();
        assertEquals(List.of(-2250L, 3750L), prorations.stream().map(InvoiceLineItem::getAmount).sorted().toList());
        for (InvoiceLineItem line : prorations) {
            assertEquals(CHANGE.getEpochSecond(), line.getPeriod().getStart());
            assertEquals(item.getCurrentPeriodEnd(), line.getPeriod().getEnd());
            assertFalse(line.getDiscountable());
        }
        InvoiceLineItem next = preview.getLines().getData().stream().filter(l -> !isProration(l)).findFirst().orElseThrow();
        assertEquals(7500L, next.getAmount());
        assertEquals(9000L, preview.getTotal());
        assertEquals("upcoming", preview.getBillingReason());
        assertEquals(1, client.v1().invoices().list().getData().size(), "a preview is not stored");
        assertTrue(pending().isEmpty(), "a preview changes nothing");
    }

    @Test
    void createProrationsLeavesTwoPendingItemsAndAReplayedKeyMakesNoMore() throws Exception {
        SubscriptionUpdateParams params = fiveStores(CHANGE.getEpochSecond());
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("t_7-stores-5").build();

        Subscription updated = client.v1().subscriptions().update(sub.getId(), params, key);
        Subscription replayed = client.v1().subscriptions().update(sub.getId(), params, key);

        assertEquals(5L, updated.getItems().getData().get(0).getQuantity());
        assertEquals(updated.getLastResponse().body(), replayed.getLastResponse().body(), "the replay is the first answer, byte for byte");
        assertEquals("true", replayed.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(updated.getLastResponse().requestId(), replayed.getLastResponse().headers().firstValue("Original-Request").orElse(null));
        List<InvoiceItem> items = pending();
        assertEquals(List.of(-2250L, 3750L), items.stream().map(InvoiceItem::getAmount).sorted().toList());
        assertTrue(items.stream().allMatch(InvoiceItem::getProration));
        assertTrue(items.stream().allMatch(i -> sub.getId().equals(i.getParent().getSubscriptionDetails().getSubscription())));
        assertEquals(1, client.v1().invoices().list().getData().size(), "create_prorations charges nothing now");

        IdempotencyException reused = assertThrows(IdempotencyException.class,
                () -> client.v1().subscriptions().update(sub.getId(), fiveStores(CHANGE.getEpochSecond() + 60), key));
        assertEquals(400, reused.getStatusCode());
        assertEquals(2, pending().size(), "the refused request changed nothing");
    }

    @Test
    void alwaysInvoiceChargesTheProrationsAtOnce() throws Exception {
        Subscription updated = client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(5L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .setProrationDate(CHANGE.getEpochSecond()).build());

        Invoice now = client.v1().invoices().retrieve(updated.getLatestInvoice());
        assertEquals("subscription_update", now.getBillingReason());
        assertEquals("paid", now.getStatus());
        assertEquals(1500L, now.getAmountPaid());
        assertTrue(now.getLines().getData().stream().allMatch(QuantityChangeTest::isProration));
        assertTrue(pending().isEmpty());
        assertNotNull(now.getHostedInvoiceUrl());
    }

    @Test
    void prorationBehaviorNoneBillsTheNewQuantityOnlyFromTheNextPeriod() throws Exception {
        client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(5L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE).build());

        assertTrue(pending().isEmpty());
        Invoice preview = client.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(sub.getId()).build());
        assertEquals(7500L, preview.getAmountDue());
    }

    private SubscriptionUpdateParams fiveStores(long prorationDate) {
        return SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setQuantity(5L).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                .setProrationDate(prorationDate).build();
    }

    private List<InvoiceItem> pending() throws Exception {
        return client.v1().invoiceItems().list(InvoiceItemListParams.builder().setCustomer(customer.getId()).setPending(true).build())
                .getData().stream().sorted(Comparator.comparing(InvoiceItem::getAmount)).toList();
    }

    /** A line is a proration if either parent branch says so (reference section 4). */
    static boolean isProration(InvoiceLineItem line) {
        InvoiceLineItem.Parent p = line.getParent();
        return p.getSubscriptionItemDetails() != null && Boolean.TRUE.equals(p.getSubscriptionItemDetails().getProration())
                || p.getInvoiceItemDetails() != null && Boolean.TRUE.equals(p.getInvoiceItemDetails().getProration());
    }
}
