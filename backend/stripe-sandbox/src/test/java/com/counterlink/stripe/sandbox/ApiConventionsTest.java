package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stripe's wire conventions: keys, errors, form brackets, expand, lists and idempotency. */
class ApiConventionsTest {
    private MutableClock wall;
    private StripeSandbox sandbox;
    private StripeClient client;
    private RawApi raw;

    @BeforeEach
    void start() {
        wall = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));
        sandbox = StripeSandbox.start(StripeSandboxConfig.builder().clock(wall).tick(Duration.ZERO).build());
        client = Sandboxes.client(sandbox);
        raw = RawApi.bearer(sandbox);
    }

    @AfterEach
    void stop() { sandbox.close(); }

    @Test
    void onlyTestSecretKeysAuthenticateAsBearerOrBasicUser() {
        HttpResponse<String> none = new RawApi(sandbox.baseUrl(), null).get("/v1/customers");
        assertEquals(401, none.statusCode());
        assertEquals("invalid_request_error", RawApi.json(none).at("/error/type").asText());
        assertTrue(RawApi.json(none).at("/error/message").asText().startsWith("You did not provide an API key."));
        assertTrue(none.headers().firstValue("Request-Id").orElseThrow().startsWith("req_"));

        String basic = "Basic " + Base64.getEncoder().encodeToString("sk_test_basic:".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, new RawApi(sandbox.baseUrl(), basic).get("/v1/customers").statusCode());
        assertEquals(200, new RawApi(sandbox.baseUrl(), "Bearer rk_test_restricted").get("/v1/customers").statusCode());

        StripeClient live = StripeClient.builder().setApiKey("sk_live_0123456789abcd").setApiBase(sandbox.baseUrl()).build();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> live.v1().customers().list());
        assertEquals(401, e.getStatusCode());
        assertTrue(e.getMessage().contains("sk_live_**********abcd"), e.getMessage());
    }

    @Test
    void aMissingObjectIs404ResourceMissingWithALogUrlThatServesTheRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().subscriptions().retrieve("sub_does_not_exist"));
        assertEquals(404, e.getStatusCode());
        assertEquals("resource_missing", e.getCode());
        assertEquals("id", e.getParam());
        assertEquals("No such subscription: 'sub_does_not_exist'", e.getStripeError().getMessage());
        assertEquals("https://docs.stripe.com/error-codes/resource-missing", e.getStripeError().getDocUrl());

        HttpResponse<String> log = raw.get(e.getStripeError().getRequestLogUrl());
        assertEquals(200, log.statusCode());
        assertEquals(404, RawApi.json(log).get("status").asInt());
        assertEquals(e.getRequestId(), RawApi.json(log).get("request_id").asText());

        assertEquals(404, raw.get("/v1/nothing_here").statusCode());
        assertTrue(RawApi.json(raw.get("/v1/nothing_here")).at("/error/message").asText().startsWith("Unrecognized request URL (GET: /v1/nothing_here)"));
    }

    @Test
    void badParametersAre400WithTheParameterNamed() {
        HttpResponse<String> unknown = raw.post("/v1/customers", "colour=blue");
        assertEquals(400, unknown.statusCode());
        assertEquals("parameter_unknown", RawApi.json(unknown).at("/error/code").asText());
        assertEquals("colour", RawApi.json(unknown).at("/error/param").asText());

        HttpResponse<String> notInteger = raw.post("/v1/prices", "currency=usd&unit_amount=12.5&product_data[name]=X");
        assertEquals("parameter_invalid_integer", RawApi.json(notInteger).at("/error/code").asText());
        assertEquals("unit_amount", RawApi.json(notInteger).at("/error/param").asText());

        HttpResponse<String> missing = raw.post("/v1/subscriptions", "items[0][price]=price_x");
        assertEquals("parameter_missing", RawApi.json(missing).at("/error/code").asText());
        assertEquals("customer", RawApi.json(missing).at("/error/param").asText());
    }

    @Test
    void rackBracketsIndexedAppendedOrPercentEncodedAllReadTheSame() throws Exception {
        Price price = Sandboxes.storePrice(client);
        String cus = client.v1().customers().create(CustomerCreateParams.builder().build()).getId();
        HttpResponse<String> appended = raw.post("/v1/subscriptions", "customer=" + cus + "&items[][price]=" + price.getId()
                + "&items[][quantity]=4&trial_period_days=5&metadata[tenant_id]=t_9&metadata[plan]=stores&expand[]=latest_invoice");
        assertEquals(200, appended.statusCode(), appended.body());
        JsonNode sub = RawApi.json(appended);
        assertEquals(4, sub.at("/items/data/0/quantity").asInt());
        assertEquals("invoice", sub.at("/latest_invoice/object").asText(), "expand[] replaced the id with the invoice");

        HttpResponse<String> encoded = raw.post("/v1/subscriptions/" + sub.get("id").asText(), "metadata%5Bplan%5D=&metadata%5Bregion%5D=eu");
        JsonNode metadata = RawApi.json(encoded).get("metadata");
        assertEquals("t_9", metadata.get("tenant_id").asText());
        assertFalse(metadata.has("plan"), "an empty value unsets the key");
        assertEquals("eu", metadata.get("region").asText());

        HttpResponse<String> cleared = raw.post("/v1/subscriptions/" + sub.get("id").asText(), "metadata=");
        assertTrue(RawApi.json(cleared).get("metadata").isEmpty(), "metadata= clears every key");

        HttpResponse<String> bad = raw.get("/v1/subscriptions/" + sub.get("id").asText() + "?expand[]=status");
        assertEquals(400, bad.statusCode());
        assertEquals("This property cannot be expanded (status).", RawApi.json(bad).at("/error/message").asText());
        assertEquals("customer", RawApi.json(raw.get("/v1/subscriptions/" + sub.get("id").asText() + "?expand[0]=customer"))
                .at("/customer/object").asText());
    }

    @Test
    void listsAreNewestFirstAndPageWithCursors() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) created.add(client.v1().customers().create(CustomerCreateParams.builder().setName("c" + i).build()).getId());
        List<String> newestFirst = created.reversed();

        var first = client.v1().customers().list(CustomerListParams.builder().setLimit(10L).build());
        assertTrue(first.getHasMore());
        assertEquals("/v1/customers", first.getUrl());
        assertEquals(newestFirst.subList(0, 10), first.getData().stream().map(Customer::getId).toList());

        List<String> all = new ArrayList<>();
        first.autoPagingIterable().forEach(c -> all.add(c.getId()));
        assertEquals(newestFirst, all);

        var before = client.v1().customers().list(CustomerListParams.builder().setEndingBefore(newestFirst.get(15)).setLimit(3L).build());
        assertEquals(newestFirst.subList(12, 15), before.getData().stream().map(Customer::getId).toList());
        assertTrue(before.getHasMore());

        assertEquals(400, raw.get("/v1/customers?limit=101").statusCode());
        HttpResponse<String> unknownCursor = raw.get("/v1/customers?starting_after=cus_gone");
        assertEquals(400, unknownCursor.statusCode());
        assertEquals("starting_after", RawApi.json(unknownCursor).at("/error/param").asText());
    }

    @Test
    void anIdempotencyKeyReplaysForADayThenStartsFresh() {
        HttpResponse<String> first = raw.post("/v1/customers", "email=a%40example.com", "signup-1");
        HttpResponse<String> again = raw.post("/v1/customers", "email=a%40example.com", "signup-1");
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertNotEquals(first.headers().firstValue("Request-Id"), again.headers().firstValue("Request-Id"));

        HttpResponse<String> different = raw.post("/v1/customers", "email=b%40example.com", "signup-1");
        assertEquals(400, different.statusCode());
        assertEquals("idempotency_error", RawApi.json(different).at("/error/type").asText());

        wall.advance(Duration.ofHours(24));
        HttpResponse<String> later = raw.post("/v1/customers", "email=a%40example.com", "signup-1");
        assertEquals(200, later.statusCode());
        assertNotEquals(RawApi.json(first).get("id"), RawApi.json(later).get("id"), "after 24 h the key is forgotten");
        assertTrue(later.headers().firstValue("Idempotent-Replayed").isEmpty());
    }

    @Test
    void aRequestRefusedForItsParametersIsNotSavedUnderItsKey() {
        HttpResponse<String> refused = raw.post("/v1/customers", "colour=blue", "retry-me");
        assertEquals(400, refused.statusCode());
        HttpResponse<String> fixed = raw.post("/v1/customers", "name=Fixed", "retry-me");
        assertEquals(200, fixed.statusCode(), fixed.body());
    }

    @Test
    void errorIfIncompleteRefusesADeclinedFirstPaymentWith402AndAnIncompleteOneExpiresAfter23Hours() throws Exception {
        Price price = Sandboxes.storePrice(client);
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder()
                .setPaymentMethod("pm_card_chargeCustomerFail")
                .setInvoiceSettings(CustomerCreateParams.InvoiceSettings.builder().setDefaultPaymentMethod("pm_card_chargeCustomerFail").build())
                .build());
        CardException e = assertThrows(CardException.class, () -> client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build())
                .setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.ERROR_IF_INCOMPLETE).build()));
        assertEquals(402, e.getStatusCode());
        assertEquals("card_declined", e.getCode());
        assertEquals("generic_decline", e.getDeclineCode());
        assertTrue(client.v1().subscriptions().list(SubscriptionListParams.builder().setStatus(SubscriptionListParams.Status.ALL).build())
                .getData().isEmpty());

        Subscription incomplete = client.v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).build()).build());
        assertEquals("incomplete", incomplete.getStatus(), "allow_incomplete, the default, keeps it incomplete");

        sandbox.advanceAccountClock(Duration.ofHours(23));
        Subscription expired = client.v1().subscriptions().retrieve(incomplete.getId());
        assertEquals("incomplete_expired", expired.getStatus());
        assertEquals(expired.getCreated() + 23 * 3600, expired.getEndedAt());
        assertEquals("void", client.v1().invoices().retrieve(expired.getLatestInvoice()).getStatus());
        assertEquals(expired.getId(), client.v1().events().list(com.stripe.param.EventListParams.builder()
                .setType("customer.subscription.deleted").build()).getData().get(0).getDataObjectDeserializer().getObject()
                .map(o -> ((Subscription) o).getId()).orElseThrow());
    }

    @Test
    void aCardThatDeclinesWhenSavedIsRefusedWith402() {
        CardException e = assertThrows(CardException.class, () -> client.v1().customers().create(CustomerCreateParams.builder()
                .setPaymentMethod("pm_card_chargeDeclined").build()));
        assertEquals("card_declined", e.getCode());
        assertEquals("Your card was declined.", e.getStripeError().getMessage());
    }

    @Test
    void anotherApiVersionIsRefusedRatherThanRenderedWrongly() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/v1/customers"))
                .header("Authorization", "Bearer sk_test_x").header("Stripe-Version", "2024-06-20").GET().build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("2026-07-29.dahlia"));
    }
}
