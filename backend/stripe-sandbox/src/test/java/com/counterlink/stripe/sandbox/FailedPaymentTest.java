package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renewal whose card is declined: the subscription goes past_due and a signed invoice.payment_failed arrives. */
class FailedPaymentTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");

    private StripeSandbox sandbox;
    private StripeClient client;
    private WebhookReceiver receiver;
    private String secret;
    private Subscription sub;
    private TestClock clock;

    @BeforeEach
    void subscribeThenSwitchToACardThatFails() throws Exception {
        sandbox = StripeSandbox.start();
        client = Sandboxes.client(sandbox);
        receiver = new WebhookReceiver();
        WebhookEndpoint endpoint = client.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl(receiver.url())
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.INVOICE__PAYMENT_FAILED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__SUBSCRIPTION__UPDATED).build());
        secret = endpoint.getSecret();
        assertTrue(secret.startsWith("whsec_"), secret);

        Price price = Sandboxes.storePrice(client);
        clock = Sandboxes.clock(client, MARCH_1);
        Customer customer = Sandboxes.payingCustomer(client, clock, "t_declined");
        sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build()).build());
        assertEquals("active", sub.getStatus());
        PaymentMethod failing = client.v1().paymentMethods().attach("pm_card_chargeCustomerFail",
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        client.v1().customers().update(customer.getId(), CustomerUpdateParams.builder()
                .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(failing.getId()).build()).build());
    }

    @AfterEach
    void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    void theSubscriptionGoesPastDueAndTheSignedPaymentFailedEventVerifies() throws Exception {
        Sandboxes.advance(client, clock, APRIL_1.plusSeconds(2 * 3600));

        Subscription pastDue = client.v1().subscriptions().retrieve(sub.getId());
        assertEquals("past_due", pastDue.getStatus());
        Invoice invoice = client.v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertEquals("open", invoice.getStatus());
        assertEquals(1L, invoice.getAttemptCount());
        assertEquals(APRIL_1.plusSeconds(3600).plusSeconds(3 * 86400).getEpochSecond(), invoice.getNextPaymentAttempt(),
                "retried 3 days after the failed attempt");
        assertTrue(client.v1().customers().retrieve(pastDue.getCustomer()).getDelinquent());

        WebhookReceiver.Received delivery = Eventually.await("invoice.payment_failed delivery", () -> receiver.firstOfType("invoice.payment_failed").orElse(null));
        assertEquals("application/json; charset=utf-8", delivery.contentType());
        Event event = Webhook.constructEvent(delivery.body(), delivery.signature(), secret);
        assertEquals("invoice.payment_failed", event.getType());
        assertEquals("2026-07-29.dahlia", event.getApiVersion());
        Invoice failed = assertInstanceOf(Invoice.class, event.getDataObjectDeserializer().getObject().orElseThrow());
        assertEquals(invoice.getId(), failed.getId());
        assertEquals(sub.getId(), failed.getParent().getSubscriptionDetails().getSubscription());
        assertEquals(APRIL_1.plusSeconds(3600).getEpochSecond(), event.getCreated(), "stamped with the test clock's time");
        assertEquals(null, event.getRequest().getId(), "an automatic renewal has no request");

        WebhookReceiver.Received updated = Eventually.await("past_due update", () -> receiver.received().stream()
                .filter(r -> r.isType("customer.subscription.updated") && r.body().contains("\"past_due\"")).findFirst().orElse(null));
        Event update = Webhook.constructEvent(updated.body(), updated.signature(), secret);
        assertEquals("active", update.getData().getPreviousAttributes().get("status"));
    }

    @Test
    void payingTheOpenInvoiceWithANewCardMakesTheSubscriptionActiveAgain() throws Exception {
        Sandboxes.advance(client, clock, APRIL_1.plusSeconds(2 * 3600));
        Subscription pastDue = client.v1().subscriptions().retrieve(sub.getId());
        PaymentMethod visa = client.v1().paymentMethods().attach("pm_card_visa",
                PaymentMethodAttachParams.builder().setCustomer(pastDue.getCustomer()).build());

        Invoice paid = client.v1().invoices().pay(pastDue.getLatestInvoice(), InvoicePayParams.builder().setPaymentMethod(visa.getId()).build());

        assertEquals("paid", paid.getStatus());
        assertEquals(2L, paid.getAttemptCount());
        assertEquals("active", client.v1().subscriptions().retrieve(sub.getId()).getStatus());
        assertEquals(false, client.v1().customers().retrieve(pastDue.getCustomer()).getDelinquent());
    }

    @Test
    void whenEveryRetryFailsTheSubscriptionIsCanceled() throws Exception {
        // first attempt 1 Apr 01:00, retries 3, 5 and 7 days after each failure: 4, 9 and 16 Apr
        Sandboxes.advance(client, clock, APRIL_1.plusSeconds(17 * 86400));

        Subscription canceled = client.v1().subscriptions().retrieve(sub.getId());
        assertEquals("canceled", canceled.getStatus());
        assertEquals("payment_failed", canceled.getCancellationDetails().getReason());
        assertEquals(APRIL_1.plusSeconds(3600 + 15 * 86400).getEpochSecond(), canceled.getEndedAt());
        Invoice invoice = client.v1().invoices().retrieve(canceled.getLatestInvoice());
        assertEquals(4L, invoice.getAttemptCount());
        assertEquals(null, invoice.getNextPaymentAttempt());
    }

    @Test
    void aTamperedBodyOrTheWrongSecretIsRefused() throws Exception {
        Sandboxes.advance(client, clock, APRIL_1.plusSeconds(2 * 3600));
        WebhookReceiver.Received delivery = Eventually.await("invoice.payment_failed delivery", () -> receiver.firstOfType("invoice.payment_failed").orElse(null));
        assertNotNull(Webhook.constructEvent(delivery.body(), delivery.signature(), secret));

        String tampered = delivery.body().replace("\"amount_due\": 3000", "\"amount_due\": 1");
        assertTrue(!tampered.equals(delivery.body()), "the test changed the body");
        SignatureVerificationException e = assertThrows(SignatureVerificationException.class,
                () -> Webhook.constructEvent(tampered, delivery.signature(), secret));
        assertEquals("No signatures found matching the expected signature for payload", e.getMessage());
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(delivery.body(), delivery.signature(), "whsec_other"));
        String forged = delivery.signature().replaceAll("v1=[0-9a-f]+", "v1=" + "0".repeat(64));
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(delivery.body(), forged, secret));
    }
}
