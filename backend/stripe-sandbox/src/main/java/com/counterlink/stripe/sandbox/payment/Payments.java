package com.counterlink.stripe.sandbox.payment;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.customer.PaymentMethodDirectory;
import com.counterlink.stripe.sandbox.event.EventLog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved cards, SetupIntents and charges. A charge fails when its card is a failing test card, when no payment method
 * is given, or when the management API asked for the next charges to fail. Called under the state lock.
 */
public final class Payments implements PaymentMethodDirectory {
    private final Map<String, PaymentMethod> methods = new LinkedHashMap<>();
    private final Map<String, SetupIntent> setupIntents = new LinkedHashMap<>();
    private final List<Charge> charges = new ArrayList<>();
    private final Deque<String> failNext = new ArrayDeque<>();
    private final Customers customers;
    private final EventLog events;
    private final TimeSource time;

    public Payments(Customers customers, EventLog events, TimeSource time) {
        this.customers = customers;
        this.events = events;
        this.time = time;
    }

    @Override
    public boolean isAttachedTo(String paymentMethodId, String customerId, String param) {
        PaymentMethod pm = methods.get(paymentMethodId);
        if (pm == null) throw ApiError.noSuchParam("PaymentMethod", paymentMethodId, param);
        return customerId.equals(pm.customerId());
    }

    @Override
    public String attach(String paymentMethodId, Customer customer, String param) {
        return attachMethod(paymentMethodId, customer, param).id();
    }

    /**
     * Attaches an existing payment method, or saves a new card from a test token (attaching {@code pm_card_visa} makes
     * a new {@code pm_...}, as on Stripe). A card that declines on saving gives 402 and nothing is saved.
     */
    public PaymentMethod attachMethod(String paymentMethodId, Customer customer, String param) {
        PaymentMethod pm = methods.get(paymentMethodId);
        if (pm == null) {
            TestCard card = TestCard.forToken(paymentMethodId).orElseThrow(() -> ApiError.noSuchParam("PaymentMethod", paymentMethodId, param));
            pm = newCard(card, customer);
        } else if (pm.customerId() != null) {
            if (pm.customerId().equals(customer.id())) return pm;
            throw ApiError.invalid(param, "The payment method you provided has already been attached to a customer.");
        }
        if (pm.card().declineOnAttach() != null) {
            String code = pm.card().declineOnAttach();
            throw new ApiError(402, ErrorType.CARD_ERROR, TestCard.errorCode(code), null, TestCard.declineMessage(code), code);
        }
        pm.customerId(customer.id());
        events.emit("payment_method.attached", time.now(customer.testClockId()), PaymentJson.paymentMethod(pm));
        return pm;
    }

    private PaymentMethod newCard(TestCard card, Customer customer) {
        PaymentMethod pm = new PaymentMethod(Ids.next("pm_"), time.now(customer.testClockId()), card, Ids.random(16));
        methods.put(pm.id(), pm);
        return pm;
    }

    /** A card entered on a hosted page (Checkout, the portal): saved to the customer with a succeeded SetupIntent. */
    public SetupIntent saveCardFromPage(String token, Customer customer) {
        PaymentMethod pm = attachMethod(token, customer, "payment_method");
        SetupIntent si = new SetupIntent(Ids.next("seti_"), time.now(customer.testClockId()), customer.id(), pm.id(), "succeeded");
        setupIntents.put(si.id(), si);
        events.emit("setup_intent.succeeded", si.created(), PaymentJson.setupIntent(si));
        return si;
    }

    /** A card typed on a hosted invoice page: used for that payment only, not saved to the customer. */
    public String oneTimeCard(String token, Customer customer) {
        TestCard card = TestCard.forToken(token).orElseThrow(() -> ApiError.noSuchParam("PaymentMethod", token, "payment_method"));
        return newCard(card, customer).id();
    }

    public void detach(PaymentMethod pm) {
        Customer customer = customers.find(pm.customerId()).orElseThrow();
        pm.customerId(null);
        if (pm.id().equals(customer.defaultPaymentMethod())) customer.defaultPaymentMethod(null);
        events.emit("payment_method.detached", time.now(customer.testClockId()), PaymentJson.paymentMethod(pm));
    }

    /** Tries to charge {@code amount} to {@code paymentMethodId} (null = nothing to charge: fails). */
    public ChargeOutcome charge(Customer customer, String paymentMethodId, long amount, String currency, String description) {
        ChargeOutcome outcome;
        PaymentMethod pm = paymentMethodId == null ? null : methods.get(paymentMethodId);
        if (pm == null) {
            outcome = ChargeOutcome.noPaymentMethod();
        } else if (!failNext.isEmpty()) {
            outcome = ChargeOutcome.declined(pm.id(), failNext.poll());
        } else if (pm.card().declineOnCharge() != null) {
            outcome = ChargeOutcome.declined(pm.id(), pm.card().declineOnCharge());
        } else {
            outcome = ChargeOutcome.success(pm.id());
        }
        charges.add(new Charge(customer.id(), outcome.paymentMethodId(), amount, currency, time.now(customer.testClockId()),
                outcome.succeeded(), outcome.declineCode(), description));
        return outcome;
    }

    /** Makes the next {@code count} charges decline with {@code declineCode}, whatever the card (management API). */
    public void failNextCharges(int count, String declineCode) {
        for (int i = 0; i < count; i++) failNext.add(declineCode);
    }

    public void clearFailNext() { failNext.clear(); }

    public int pendingFailures() { return failNext.size(); }

    public Optional<PaymentMethod> method(String id) { return Optional.ofNullable(methods.get(id)); }

    public Optional<SetupIntent> setupIntent(String id) { return Optional.ofNullable(setupIntents.get(id)); }

    public List<PaymentMethod> methodsOf(String customerId) {
        List<PaymentMethod> list = new ArrayList<>(methods.values().stream().filter(m -> customerId.equals(m.customerId())).toList());
        Collections.reverse(list);
        return list;
    }

    public List<Charge> charges() { return List.copyOf(charges); }
}
