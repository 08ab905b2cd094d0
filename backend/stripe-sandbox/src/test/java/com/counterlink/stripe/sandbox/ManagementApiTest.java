package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tests steer through {@code /__sandbox}: failing charges, the account's clock, and the state. */
class ManagementApiTest {
    private StripeSandbox sandbox;
    private StripeClient client;
    private RawApi raw;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(StripeSandboxConfig.builder().clock(new MutableClock(Instant.parse("2026-01-15T12:00:00Z")))
                .tick(Duration.ZERO).build());
        client = Sandboxes.client(sandbox);
        raw = RawApi.bearer(sandbox);
    }

    @AfterEach
    void stop() { sandbox.close(); }

    private Customer payingCustomer() throws Exception {
        return client.v1().customers().create(CustomerCreateParams.builder().setPaymentMethod("pm_card_visa")
                .setInvoiceSettings(CustomerCreateParams.InvoiceSettings.builder().setDefaultPaymentMethod("pm_card_visa").build()).build());
    }

    @Test
    void failNextMakesTheNextChargeDeclineWhateverTheCard() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Customer customer = payingCustomer();
        var response = raw.management("POST", "/charges/fail_next", "{\"count\":1,\"decline_code\":\"insufficient_funds\"}");
        assertEquals(1, RawApi.json(response).get("pending_failures").asInt());

        Subscription declined = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(2L).build()).build());
        assertEquals("incomplete", declined.getStatus());
        Subscription paid = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(1L).build()).build());
        assertEquals("active", paid.getStatus(), "only the next charge fails");

        JsonNode charges = RawApi.json(raw.management("GET", "/charges", null)).get("data");
        assertEquals(2, charges.size());
        assertEquals("insufficient_funds", charges.get(0).get("decline_code").asText());
        assertEquals(3000, charges.get(0).get("amount").asInt());
        assertTrue(charges.get(1).get("succeeded").asBoolean());
    }

    @Test
    void movingTheAccountClockRenewsSubscriptionsThatAreNotOnATestClock() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Customer customer = payingCustomer();
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(1L).build()).build());
        assertEquals(Instant.parse("2026-02-15T12:00:00Z").getEpochSecond(), sub.getItems().getData().get(0).getCurrentPeriodEnd());

        var moved = raw.management("PUT", "/clock", "{\"now\":\"2026-02-15T13:30:00Z\"}");
        assertEquals(200, moved.statusCode(), moved.body());

        List<Invoice> invoices = client.v1().invoices().list(InvoiceListParams.builder().setSubscription(sub.getId()).build()).getData();
        assertEquals(2, invoices.size());
        assertEquals("paid", invoices.get(0).getStatus());
        assertEquals("subscription_cycle", invoices.get(0).getBillingReason());
        assertEquals(400, raw.management("PUT", "/clock", "{\"now\":\"2026-01-01T00:00:00Z\"}").statusCode(), "time only moves forward");

        JsonNode state = RawApi.json(raw.management("GET", "/state", null));
        assertEquals(1, state.get("subscriptions").size());
        assertEquals(2, state.get("invoices").size());
        assertFalse(state.get("customers").isEmpty());
    }

    @Test
    void theStandaloneMainReadsItsOptions() {
        StripeSandboxMain.Options o = StripeSandboxMain.parse(new String[]{"--port", "0", "--webhook", "http://127.0.0.1:8080/api/stripe/webhook",
                "--webhook-secret", "whsec_local", "--webhook-retry-seconds", "1,2"});
        assertEquals(0, o.config().port());
        assertEquals("whsec_local", o.webhookSecret());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), o.config().webhookRetryDelays());
        assertEquals(12111, StripeSandboxMain.parse(new String[0]).config().port());
    }
}
