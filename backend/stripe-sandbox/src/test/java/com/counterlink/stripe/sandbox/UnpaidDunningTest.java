package com.counterlink.stripe.sandbox;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.SubscriptionCreateParams;
import com.counterlink.stripe.sandbox.subscription.DunningOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With the "mark the subscription unpaid" setting, exhausted retries leave it unpaid, still invoiced but not charged. */
class UnpaidDunningTest {
    @Test
    void anUnpaidSubscriptionKeepsGettingInvoicesThatAreNotAttempted() throws Exception {
        try (StripeSandbox sandbox = StripeSandbox.start(StripeSandboxConfig.builder().dunningOutcome(DunningOutcome.UNPAID).build())) {
            StripeClient client = Sandboxes.client(sandbox);
            Price price = Sandboxes.storePrice(client);
            TestClock clock = Sandboxes.clock(client, Instant.parse("2026-03-01T00:00:00Z"));
            Customer customer = Sandboxes.payingCustomer(client, clock, "t_unpaid");
            Subscription sub = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                    .addItem(SubscriptionCreateParams.Item.builder().setPrice(price.getId()).setQuantity(1L).build()).build());
            sandbox.failNextCharges(4, "insufficient_funds");

            Sandboxes.advance(client, clock, Instant.parse("2026-04-20T00:00:00Z"));
            assertEquals("unpaid", client.v1().subscriptions().retrieve(sub.getId()).getStatus());

            Sandboxes.advance(client, clock, Instant.parse("2026-05-01T02:00:00Z"));
            List<Invoice> invoices = client.v1().invoices().list(InvoiceListParams.builder().setSubscription(sub.getId()).build()).getData();
            assertEquals(3, invoices.size());
            Invoice may = invoices.get(0);
            assertEquals("open", may.getStatus(), "finalized");
            assertFalse(may.getAttempted(), "but not charged");
            assertEquals("unpaid", client.v1().subscriptions().retrieve(sub.getId()).getStatus());
        }
    }
}
