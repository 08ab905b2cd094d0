package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;

import java.time.Duration;
import java.time.Instant;

/** The stripe-java calls the flow tests share, made exactly as production code makes them. */
final class Sandboxes {
    static final long UNIT_AMOUNT = 1500;

    private Sandboxes() {}

    /** A {@link StripeClient} pointed at the sandbox, as production code would be pointed at api.stripe.com. */
    static StripeClient client(StripeSandbox sandbox) {
        return StripeClient.builder().setApiKey("sk_test_counterlink_tests").setApiBase(sandbox.baseUrl()).setMaxNetworkRetries(0).build();
    }

    static Price storePrice(StripeClient client) throws StripeException {
        return client.v1().prices().create(PriceCreateParams.builder()
                .setCurrency("usd").setUnitAmount(UNIT_AMOUNT).setLookupKey("store_monthly_v1").setTransferLookupKey(true)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName("Connected store").build())
                .build());
    }

    static TestClock clock(StripeClient client, Instant at) throws StripeException {
        return client.v1().testHelpers().testClocks().create(TestClockCreateParams.builder().setFrozenTime(at.getEpochSecond()).build());
    }

    /** Advances a test clock and waits until it reads {@code ready}, as a client of real Stripe must. */
    static TestClock advance(StripeClient client, TestClock clock, Instant to) throws StripeException {
        TestClock advancing = client.v1().testHelpers().testClocks().advance(clock.getId(),
                TestClockAdvanceParams.builder().setFrozenTime(to.getEpochSecond()).build());
        if (!"advancing".equals(advancing.getStatus())) throw new AssertionError("advance answered " + advancing.getStatus());
        return Eventually.await("test clock " + clock.getId() + " ready", Duration.ofSeconds(20), () -> {
            try {
                TestClock c = client.v1().testHelpers().testClocks().retrieve(clock.getId());
                return "ready".equals(c.getStatus()) ? c : null;
            } catch (StripeException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A tenant's customer on a test clock with a card that pays. */
    static Customer payingCustomer(StripeClient client, TestClock clock, String tenant) throws StripeException {
        return client.v1().customers().create(CustomerCreateParams.builder()
                .setEmail(tenant + "@example.com").putMetadata("tenant_id", tenant)
                .setTestClock(clock.getId())
                .setPaymentMethod("pm_card_visa")
                .setInvoiceSettings(CustomerCreateParams.InvoiceSettings.builder().setDefaultPaymentMethod("pm_card_visa").build())
                .build());
    }
}
