package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Price;
import com.stripe.model.SetupIntent;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkout in setup mode, the Customer Portal and the hosted invoice page and PDF, used as a person would. */
class HostedPagesTest {
    private StripeSandbox sandbox;
    private StripeClient client;
    private final PageClient browser = new PageClient();
    private Customer customer;

    @BeforeEach
    void start() throws Exception {
        sandbox = StripeSandbox.start();
        client = Sandboxes.client(sandbox);
        customer = client.v1().customers().create(CustomerCreateParams.builder().setEmail("owner@shop.example").putMetadata("tenant_id", "t_1").build());
    }

    @AfterEach
    void stop() { sandbox.close(); }

    private Session setupSession() throws Exception {
        return client.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP).setCustomer(customer.getId()).setCurrency("usd")
                .setSuccessUrl("http://localhost:8080/billing/done?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl("http://localhost:8080/billing").build());
    }

    @Test
    void aDeclinedCardLeavesTheSessionOpenAndAGoodCardCompletesItAndRedirects() throws Exception {
        Session session = setupSession();
        assertEquals("open", session.getStatus());
        assertTrue(session.getUrl().startsWith(sandbox.baseUrl() + "/c/pay/cs_test_"), session.getUrl());
        HttpResponse<String> page = browser.get(session.getUrl());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("pm_card_chargeDeclined"), "a button for a declined card");

        HttpResponse<String> declined = browser.post(session.getUrl(), "card=pm_card_chargeDeclined");
        assertEquals(402, declined.statusCode());
        assertTrue(declined.body().contains("Your card was declined."), declined.body());
        assertEquals("open", client.v1().checkout().sessions().retrieve(session.getId()).getStatus());
        assertTrue(client.v1().customers().paymentMethods().list(customer.getId()).getData().isEmpty(), "a declined card is not saved");

        HttpResponse<String> saved = browser.post(session.getUrl(), "card=pm_card_visa");
        assertEquals(303, saved.statusCode());
        assertEquals("http://localhost:8080/billing/done?session_id=" + session.getId(), saved.headers().firstValue("Location").orElseThrow());

        Session complete = client.v1().checkout().sessions().retrieve(session.getId(),
                SessionRetrieveParams.builder().addExpand("setup_intent").build(), null);
        assertEquals("complete", complete.getStatus());
        assertNull(complete.getUrl());
        SetupIntent intent = complete.getSetupIntentObject();
        assertEquals("succeeded", intent.getStatus());
        PaymentMethod card = client.v1().paymentMethods().retrieve(intent.getPaymentMethod());
        assertEquals(customer.getId(), card.getCustomer());
        assertEquals("4242", card.getCard().getLast4());
        assertNull(client.v1().customers().retrieve(customer.getId()).getInvoiceSettings().getDefaultPaymentMethod(),
                "Checkout in setup mode does not make the card the default: the integration does");
        Event completed = client.v1().events().list(EventListParams.builder().setType("checkout.session.completed").build()).getData().get(0);
        assertEquals(session.getId(), ((Session) completed.getDataObjectDeserializer().getObject().orElseThrow()).getId());
        assertEquals(200, browser.get(session.getUrl()).statusCode(), "a completed session's page says so");
    }

    @Test
    void thePortalReplacesTheDefaultCardAndCancelsAtPeriodEnd() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(1L).build())
                .setTrialPeriodDays(30L).build());
        com.stripe.model.billingportal.Session portal = client.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customer.getId())
                        .setReturnUrl("http://localhost:8080/billing").build());
        assertTrue(portal.getUrl().startsWith(sandbox.baseUrl() + "/p/session/bps_"), portal.getUrl());
        assertEquals(200, browser.get(portal.getUrl()).statusCode());

        assertEquals(402, browser.post(portal.getUrl(), "card=pm_card_chargeDeclined").statusCode());
        assertEquals(303, browser.post(portal.getUrl(), "card=pm_card_visa").statusCode());
        String defaultCard = client.v1().customers().retrieve(customer.getId()).getInvoiceSettings().getDefaultPaymentMethod();
        assertEquals("4242", client.v1().paymentMethods().retrieve(defaultCard).getCard().getLast4());

        assertEquals(303, browser.post(portal.getUrl(), "cancel=" + sub.getId()).statusCode());
        Subscription canceling = client.v1().subscriptions().retrieve(sub.getId());
        assertTrue(canceling.getCancelAtPeriodEnd());
        assertEquals(canceling.getItems().getData().get(0).getCurrentPeriodEnd(), canceling.getCancelAt());
        assertEquals("trialing", canceling.getStatus());
    }

    @Test
    void theHostedInvoicePageAndPdfServeTheFinalizedInvoiceAndItCanBePaidThere() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build()).build());
        assertEquals("incomplete", sub.getStatus(), "no card: the first invoice could not be paid");
        Invoice invoice = client.v1().invoices().retrieve(sub.getLatestInvoice());
        assertEquals("open", invoice.getStatus());

        HttpResponse<String> page = browser.get(invoice.getHostedInvoiceUrl());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(invoice.getNumber()));
        HttpResponse<byte[]> pdf = browser.getBytes(invoice.getInvoicePdf());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(new String(pdf.body(), 0, 8, StandardCharsets.ISO_8859_1).startsWith("%PDF-1."));

        assertEquals(402, browser.post(invoice.getHostedInvoiceUrl(), "card=pm_card_chargeDeclined").statusCode());
        assertEquals(303, browser.post(invoice.getHostedInvoiceUrl(), "card=pm_card_visa").statusCode());
        assertEquals("paid", client.v1().invoices().retrieve(invoice.getId()).getStatus());
        assertEquals("active", client.v1().subscriptions().retrieve(sub.getId()).getStatus(), "paying the first invoice activates it");
    }

    @Test
    void aDefaultPaymentMethodMustBeAttachedToTheCustomer() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().customers().update(customer.getId(),
                CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                        .setDefaultPaymentMethod("pm_card_visa").build()).build()));
        assertEquals("invoice_settings[default_payment_method]", e.getParam());
    }
}
