package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.counterlink.stripe.sandbox.event.WebhookDelivery;
import com.counterlink.stripe.sandbox.event.WebhookEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed deliveries to endpoints configured through the management API, retried when the endpoint fails. */
class WebhookDeliveryTest {
    private static final String SECRET = "whsec_counterlink_test_secret";

    private StripeSandbox sandbox;
    private StripeClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(StripeSandboxConfig.builder().webhookRetryDelays(List.of(Duration.ofMillis(300), Duration.ofMillis(300))).build());
        client = Sandboxes.client(sandbox);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    void aFailedDeliveryIsRetriedSignedAnewAndTheEventStopsBeingPending() throws Exception {
        WebhookEndpoint endpoint = sandbox.addWebhookEndpoint(receiver.url(), SECRET, "customer.created");
        receiver.failNext(1);

        Customer customer = client.v1().customers().create(CustomerCreateParams.builder().setEmail("x@example.com").build());

        List<WebhookReceiver.Received> both = Eventually.await("two attempts", () -> receiver.received().size() >= 2 ? receiver.received() : null);
        for (WebhookReceiver.Received r : both) {
            Event e = Webhook.constructEvent(r.body(), r.signature(), SECRET);
            assertEquals(customer.getId(), ((Customer) e.getDataObjectDeserializer().getObject().orElseThrow()).getId());
        }
        assertEquals(both.get(0).body(), both.get(1).body(), "the same bytes, a new signature timestamp each time");
        assertEquals("Stripe/1.0 (+https://stripe.com/docs/webhooks)", both.get(0).userAgent());
        List<WebhookDelivery> log = Eventually.await("logged", () -> sandbox.webhookDeliveries().size() >= 2 ? sandbox.webhookDeliveries() : null);
        assertEquals(500, log.get(0).status());
        assertFalse(log.get(0).succeeded());
        assertTrue(log.get(0).nextRetryAt() != null);
        assertTrue(log.get(1).succeeded());
        assertEquals(2, log.get(1).attempt());
        assertEquals(endpoint.id(), log.get(1).endpointId());

        String eventId = Webhook.constructEvent(both.get(0).body(), both.get(0).signature(), SECRET).getId();
        assertEquals(0L, client.v1().events().retrieve(eventId).getPendingWebhooks());
        assertEquals(1, receiver.received().stream().filter(r -> r.isType("customer.created")).map(WebhookReceiver.Received::body).distinct().count());
    }

    @Test
    void anEndpointReceivesOnlyTheTypesItAskedForAndUpdatesCarryPreviousAttributes() throws Exception {
        sandbox.addWebhookEndpoint(receiver.url(), SECRET, "customer.updated");
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder().setEmail("old@example.com").build());
        client.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setEmail("new@example.com").build());

        WebhookReceiver.Received r = Eventually.await("customer.updated", () -> receiver.firstOfType("customer.updated").orElse(null));
        Event e = Webhook.constructEvent(r.body(), r.signature(), SECRET);
        assertEquals("old@example.com", e.getData().getPreviousAttributes().get("email"));
        assertTrue(receiver.received().stream().noneMatch(x -> x.isType("customer.created")));
    }

    @Test
    void theManagementApiConfiguresEndpointsOverHttp() throws Exception {
        RawApi raw = RawApi.bearer(sandbox);
        var created = raw.management("POST", "/webhook_endpoints",
                "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\",\"enabled_events\":[\"customer.created\"]}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(SECRET, RawApi.json(created).get("secret").asText());

        client.v1().customers().create(CustomerCreateParams.builder().build());
        WebhookReceiver.Received r = Eventually.await("customer.created", () -> receiver.firstOfType("customer.created").orElse(null));
        assertEquals("customer.created", Webhook.constructEvent(r.body(), r.signature(), SECRET).getType());
        var deliveries = Eventually.await("delivery log", () -> {
            var d = RawApi.json(raw.management("GET", "/webhook_deliveries", null)).get("data");
            return d.isEmpty() ? null : d;
        });
        assertEquals(200, deliveries.get(0).get("status").asInt());
        assertEquals(400, raw.management("POST", "/webhook_endpoints", "{\"url\":\"ftp://nope\"}").statusCode());
    }
}
