package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.counterlink.stripe.sandbox.ShapeComparator.Allowances;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the sandbox's objects against Stripe's example objects in shared/fixtures/stripe (from stripe/openapi's
 * fixtures3.json, API 2026-07-29.dahlia) by key set and types, with the departures fixtures/stripe/INDEX.md describes
 * declared per object. The objects come from a real flow: a customer on a test clock, a subscription, a mid-month
 * quantity change with create_prorations, the renewal across the month end, Checkout and the portal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureContractTest {
    /** Keys that are nullable in the spec and null in the flow's objects; shared by every embedded price. */
    private static final Set<String> PRICE_NULLABLE = Set.of("custom_unit_amount", "transform_quantity");
    private static final Set<String> PLAN_NULLABLE = Set.of("transform_usage");
    /**
     * The compared line is a swept-in proration ({@code parent.type: invoice_item_details}): the other union branch is
     * null (INDEX: fixtures fill every branch at once), and so are classic-mode {@code credited_items}.
     */
    private static final Set<String> PRORATION_LINE_NULLS = Set.of("parent.subscription_item_details",
            "parent.invoice_item_details.proration_details.credited_items");

    private StripeSandbox sandbox;
    private final Map<String, JsonNode> actual = new LinkedHashMap<>();
    private final Map<String, Allowances> allowances = new LinkedHashMap<>();

    @BeforeAll
    void runTheBillingFlow() throws Exception {
        sandbox = StripeSandbox.start();
        StripeClient client = Sandboxes.client(sandbox);
        RawApi raw = RawApi.bearer(sandbox);

        Price price = Sandboxes.storePrice(client);
        TestClock clock = Sandboxes.clock(client, Instant.parse("2026-03-01T00:00:00Z"));
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("owner@shop.example").setName("Shop Ltd").putMetadata("tenant_id", "t_1").setTestClock(clock.getId())
                .setAddress(CustomerCreateParams.Address.builder().setCountry("US").setPostalCode("10001").build())
                .setPaymentMethod("pm_card_visa")
                .setInvoiceSettings(CustomerCreateParams.InvoiceSettings.builder().setDefaultPaymentMethod("pm_card_visa").build()).build());
        Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(3L).build()).build());
        String itemId = sub.getItems().getData().get(0).getId();
        Sandboxes.advance(client, clock, Instant.parse("2026-03-16T12:00:00Z"));
        client.v1().subscriptions().update(sub.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setQuantity(5L).build()).build());
        String pendingItem = RawApi.json(raw.get("/v1/invoiceitems?pending=true&customer=" + customer.getId())).at("/data/0/id").asText();
        actual.put("invoiceitem.json", RawApi.json(raw.get("/v1/invoiceitems/" + pendingItem)));
        Sandboxes.advance(client, clock, Instant.parse("2026-04-01T02:00:00Z"));

        actual.put("customer.json", RawApi.json(raw.get("/v1/customers/" + customer.getId())));
        actual.put("product.json", RawApi.json(raw.get("/v1/products/" + price.getProduct())));
        actual.put("price.json", RawApi.json(raw.get("/v1/prices/" + price.getId())));
        JsonNode subscription = RawApi.json(raw.get("/v1/subscriptions/" + sub.getId()));
        actual.put("subscription.json", subscription);
        actual.put("subscription_item.json", RawApi.json(raw.get("/v1/subscription_items/" + itemId)));
        JsonNode invoice = RawApi.json(raw.get("/v1/invoices/" + subscription.get("latest_invoice").asText()));
        actual.put("invoice.json", invoice);
        actual.put("invoice_line_item.json", invoice.at("/lines/data/0"));
        actual.put("test_helpers.test_clock.json", RawApi.json(raw.get("/v1/test_helpers/test_clocks/" + clock.getId())));
        actual.put("event.json", RawApi.json(raw.get("/v1/events?type=customer.subscription.updated&limit=1")).at("/data/0"));
        actual.put("error.json", RawApi.json(raw.get("/v1/subscriptions/sub_does_not_exist")));

        var session = client.v1().checkout().sessions().create(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.SETUP)
                .setCustomer(customer.getId()).setCurrency("usd").setSuccessUrl("https://example.com/success").setCancelUrl("https://example.com/cancel")
                .build());
        new PageClient().post(session.getUrl(), "card=pm_card_visa");
        actual.put("checkout.session.json", RawApi.json(raw.get("/v1/checkout/sessions/" + session.getId())));
        actual.put("billing_portal.session.json", RawApi.json(raw.post("/v1/billing_portal/sessions", "customer=" + customer.getId()
                + "&return_url=https://example.com/account&flow_data[type]=payment_method_update")));

        allowances.put("customer.json", new Allowances(Set.of(), Set.of(),
                Set.of("discount", "shipping", "invoice_settings.rendering_options"), Set.of()));
        allowances.put("product.json", new Allowances(Set.of(), Set.of(), Set.of("default_price", "description", "package_dimensions"), Set.of()));
        allowances.put("price.json", new Allowances(Set.of(), Set.of(), PRICE_NULLABLE, Set.of()));
        allowances.put("subscription.json", new Allowances(Set.of(), Set.of("billing_mode.updated_at", "billing_mode.flexible.proration_discounts"), union(
                Set.of("billing_cycle_anchor_config", "cancel_at", "canceled_at", "ended_at", "next_pending_invoice_item_invoice",
                        "pause_collection", "payment_settings.payment_method_options", "pending_invoice_item_interval", "pending_update",
                        "transfer_data", "trial_end", "trial_start", "automatic_tax.liability", "billing_thresholds",
                        "items.data[].billing_thresholds"),
                prefixed("items.data[].price.", PRICE_NULLABLE), prefixed("items.data[].plan.", PLAN_NULLABLE)), Set.of()));
        allowances.put("subscription_item.json", new Allowances(Set.of(), Set.of(), union(Set.of("billing_thresholds"),
                prefixed("price.", PRICE_NULLABLE), prefixed("plan.", PLAN_NULLABLE)), Set.of()));
        allowances.put("invoice.json", new Allowances(
                Set.of("subscription"),
                Set.of("amount_paid_off_stripe", "lines.data[].pricing.price_details"),
                union(Set.of("automatic_tax.liability", "due_date", "from_invoice", "last_finalization_error", "next_payment_attempt",
                        "payment_settings.payment_method_options", "shipping_cost", "shipping_details", "customer_shipping",
                        "parent.quote_details"), prefixed("lines.data[].", PRORATION_LINE_NULLS)),
                Set.of()));
        allowances.put("invoice_line_item.json", new Allowances(Set.of(), Set.of("pricing.price_details"), PRORATION_LINE_NULLS, Set.of()));
        allowances.put("invoiceitem.json", new Allowances(Set.of(), Set.of("pricing.price_details", "proration_details",
                "parent.subscription_details.subscription_item"), Set.of(), Set.of()));
        allowances.put("checkout.session.json", new Allowances(Set.of(), Set.of(), Set.of("after_expiration", "automatic_tax.liability",
                "consent", "consent_collection", "custom_text.after_submit", "custom_text.shipping_address", "custom_text.submit",
                "custom_text.terms_of_service_acceptance", "customer_details.address", "invoice_creation", "payment_intent",
                "payment_method_configuration_details", "saved_payment_method_options", "shipping_address_collection", "shipping_cost",
                "total_details", "url", "adaptive_pricing", "collected_information", "permissions", "currency_conversion", "managed_payments",
                "wallet_options"), Set.of()));
        allowances.put("billing_portal.session.json", new Allowances(Set.of(), Set.of(), Set.of("flow.after_completion.hosted_confirmation",
                "flow.after_completion.redirect", "flow.subscription_cancel", "flow.subscription_update", "flow.subscription_update_confirm"),
                Set.of()));
        allowances.put("event.json", new Allowances(Set.of(), Set.of("data.previous_attributes"), Set.of(), Set.of("data.object")));
        allowances.put("test_helpers.test_clock.json", Allowances.none());
        allowances.put("error.json", Allowances.none());
    }

    @AfterAll
    void stop() { sandbox.close(); }

    @TestFactory
    Stream<DynamicTest> everyFixtureHasTheSandboxsShape() throws Exception {
        return fixtureFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            JsonNode fixture = RawApi.JSON.readTree(file.toFile());
            List<String> diffs = ShapeComparator.compare(fixture, actual.get(name), allowances.get(name));
            assertTrue(diffs.isEmpty(), name + " differs from the sandbox's object:\n  " + String.join("\n  ", diffs) + "\nsandbox: " + actual.get(name));
        }));
    }

    @Test
    void everyFixtureIsCovered() throws Exception {
        Set<String> files = fixtureFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, new TreeSet<>(actual.keySet()), "a new fixture needs an object from the flow and its allowances");
    }

    @Test
    void theErrorBodyCarriesStripesCodeParamAndWording() throws Exception {
        JsonNode fixture = RawApi.JSON.readTree(FixtureLocator.fixturesDir().resolve("error.json").toFile()).get("error");
        JsonNode error = actual.get("error.json").get("error");
        for (String field : List.of("code", "doc_url", "message", "param", "type")) assertEquals(fixture.get(field), error.get(field), field);
    }

    @Test
    void theFlowsObjectsAreWhatTheFlowMade() {
        assertEquals("line_item", actual.get("invoice_line_item.json").get("object").asText());
        assertEquals("invoice_item_details", actual.get("invoice_line_item.json").at("/parent/type").asText(), "the first line is a swept-in proration");
        assertTrue(actual.get("invoice_line_item.json").at("/parent/invoice_item_details/proration").asBoolean());
        assertEquals("customer.subscription.updated", actual.get("event.json").get("type").asText());
        assertEquals("complete", actual.get("checkout.session.json").get("status").asText());
        assertEquals("paid", actual.get("invoice.json").get("status").asText());
    }

    private static List<Path> fixtureFiles() throws Exception {
        try (Stream<Path> s = Files.list(FixtureLocator.fixturesDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) all.addAll(s);
        return all;
    }

    private static Set<String> prefixed(String prefix, Set<String> paths) {
        return paths.stream().map(p -> prefix + p).collect(Collectors.toSet());
    }
}
