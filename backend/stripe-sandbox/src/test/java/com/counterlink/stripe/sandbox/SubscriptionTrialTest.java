package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tenant's customer and a subscription that starts with a trial, driven with stripe-java 33.2.0. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionTrialTest {
    private static final long DAY = 86_400;

    private StripeSandbox sandbox;
    private StripeClient client;

    @BeforeAll
    void start() {
        sandbox = StripeSandbox.start();
        client = Sandboxes.client(sandbox);
    }

    @AfterAll
    void stop() { sandbox.close(); }

    @Test
    void aTrialSubscriptionStartsTrialingWithAPaidZeroInvoiceAndItsPeriodOnTheItem() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("owner@shop.example").setName("Tenant 42").putMetadata("tenant_id", "t_42").build());
        assertEquals("t_42", customer.getMetadata().get("tenant_id"));

        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(3L).build())
                .setTrialPeriodDays(14L)
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE)
                .putMetadata("tenant_id", "t_42")
                .addExpand("latest_invoice")
                .build(), RequestOptions.builder().setIdempotencyKey("t_42-sub-create").build());

        assertEquals("trialing", sub.getStatus());
        assertEquals(sub.getStartDate() + 14 * DAY, sub.getTrialEnd());
        assertEquals(sub.getStartDate(), sub.getTrialStart());
        assertEquals("flexible", sub.getBillingMode().getType());
        SubscriptionItem item = sub.getItems().getData().get(0);
        assertEquals(3L, item.getQuantity());
        assertEquals(sub.getStartDate(), item.getCurrentPeriodStart());
        assertEquals(sub.getTrialEnd(), item.getCurrentPeriodEnd());

        Invoice first = sub.getLatestInvoiceObject();
        assertEquals("paid", first.getStatus());
        assertEquals(0L, first.getAmountDue());
        assertEquals("subscription_create", first.getBillingReason());
        assertEquals(sub.getId(), first.getParent().getSubscriptionDetails().getSubscription());
        assertEquals("Trial period for Connected store", first.getLines().getData().get(0).getDescription());
        assertEquals(3L, first.getLines().getData().get(0).getQuantity());

        Event created = client.v1().events().list(EventListParams.builder().setType("customer.subscription.created").build()).getData().get(0);
        assertEquals("2026-07-29.dahlia", created.getApiVersion());
        Optional<StripeObject> object = created.getDataObjectDeserializer().getObject();
        assertTrue(object.isPresent(), "stripe-java types data.object only for a .dahlia event");
        assertEquals(sub.getId(), assertInstanceOf(Subscription.class, object.get()).getId());
    }

    @Test
    void atTheEndOfTheTrialTheSubscriptionTurnsActiveAndItsFirstMonthIsCharged() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Instant start = Instant.parse("2026-05-10T09:00:00Z");
        TestClock clock = Sandboxes.clock(client, start);
        Customer customer = Sandboxes.payingCustomer(client, clock, "t_trial_end");
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build())
                .setTrialPeriodDays(7L).build());
        long trialEnd = start.getEpochSecond() + 7 * DAY;
        assertEquals(trialEnd, sub.getTrialEnd());

        Sandboxes.advance(client, clock, Instant.ofEpochSecond(trialEnd + 2 * 3600));

        Subscription after = client.v1().subscriptions().retrieve(sub.getId());
        assertEquals("active", after.getStatus());
        SubscriptionItem item = after.getItems().getData().get(0);
        assertEquals(trialEnd, item.getCurrentPeriodStart());
        assertEquals(Instant.parse("2026-06-17T09:00:00Z").getEpochSecond(), item.getCurrentPeriodEnd(), "a calendar month after the trial");
        Invoice cycle = client.v1().invoices().retrieve(after.getLatestInvoice());
        assertEquals("subscription_cycle", cycle.getBillingReason());
        assertEquals("paid", cycle.getStatus());
        assertEquals(2 * Sandboxes.UNIT_AMOUNT, cycle.getAmountPaid());
        assertEquals(trialEnd + 3600, cycle.getStatusTransitions().getFinalizedAt(), "renewal drafts are finalized an hour later");

        List<String> types = client.v1().events().list(EventListParams.builder().setLimit(100L).build()).getData().stream()
                .map(Event::getType).toList();
        assertTrue(types.contains("customer.subscription.trial_will_end"), types.toString());
        List<Invoice> invoices = client.v1().invoices().list(InvoiceListParams.builder().setSubscription(sub.getId()).build()).getData();
        assertEquals(2, invoices.size());
        assertFalse(invoices.get(1).getLines().getData().isEmpty());
        assertNull(after.getCanceledAt());
    }

    @Test
    void thePreviewDuringATrialIsTheFirstPaidMonthAtTheTrialsEnd() throws Exception {
        Price price = Sandboxes.storePrice(client);
        TestClock clock = Sandboxes.clock(client, Instant.parse("2026-06-01T00:00:00Z"));
        Customer customer = Sandboxes.payingCustomer(client, clock, "t_preview_trial");
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(3L).build())
                .setTrialPeriodDays(14L).build());
        client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(sub.getItems().getData().get(0).getId()).setQuantity(4L).build()).build());

        Invoice preview = client.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder().setSubscription(sub.getId()).build());

        assertEquals(4 * Sandboxes.UNIT_AMOUNT, preview.getAmountDue(), "a trial is free: no prorations, four stores from its end");
        assertEquals(sub.getTrialEnd(), preview.getCreated());
        assertEquals(sub.getTrialEnd(), preview.getLines().getData().get(0).getPeriod().getStart());
    }

    @Test
    void endingTheTrialNowChargesTheFirstMonthAtOnceAndRestartsThePeriod() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Instant now = Instant.parse("2026-06-10T15:00:00Z");
        TestClock clock = Sandboxes.clock(client, now);
        Customer customer = Sandboxes.payingCustomer(client, clock, "t_trial_now");
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build())
                .setTrialPeriodDays(30L).build());

        Subscription active = client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .setTrialEnd(SubscriptionUpdateParams.TrialEnd.NOW).addExpand("latest_invoice").build());

        assertEquals("active", active.getStatus());
        assertEquals(now.getEpochSecond(), active.getTrialEnd());
        assertEquals(now.getEpochSecond(), active.getBillingCycleAnchor());
        assertEquals(Instant.parse("2026-07-10T15:00:00Z").getEpochSecond(), active.getItems().getData().get(0).getCurrentPeriodEnd());
        Invoice first = active.getLatestInvoiceObject();
        assertEquals("paid", first.getStatus());
        assertEquals("subscription_update", first.getBillingReason());
        assertEquals(2 * Sandboxes.UNIT_AMOUNT, first.getAmountPaid());
    }
}
