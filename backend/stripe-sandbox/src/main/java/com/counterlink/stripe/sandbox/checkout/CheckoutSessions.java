package com.counterlink.stripe.sandbox.checkout;

import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The account's Checkout Sessions. A session past its {@code expires_at} reads as expired (checked when it is looked at). */
public final class CheckoutSessions {
    private final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
    private final Customers customers;
    private final EventLog events;
    private final TimeSource time;
    private final Supplier<String> baseUrl;

    public CheckoutSessions(Customers customers, EventLog events, TimeSource time, Supplier<String> baseUrl) {
        this.customers = customers;
        this.events = events;
        this.time = time;
        this.baseUrl = baseUrl;
    }

    CheckoutSession create(long created, long expiresAt, String customerId, String currency, String successUrl, String cancelUrl,
                           String clientReferenceId) {
        CheckoutSession s = new CheckoutSession("cs_test_" + Ids.random(58), created, expiresAt, customerId, currency, successUrl, cancelUrl,
                clientReferenceId);
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<CheckoutSession> find(String id) {
        CheckoutSession s = sessions.get(id);
        if (s != null) expireIfDue(s);
        return Optional.ofNullable(s);
    }

    List<CheckoutSession> newestFirst() {
        List<CheckoutSession> list = new ArrayList<>(sessions.values());
        list.forEach(this::expireIfDue);
        Collections.reverse(list);
        return list;
    }

    private void expireIfDue(CheckoutSession s) {
        long now = now(s);
        if (s.status() == CheckoutSession.Status.OPEN && now >= s.expiresAt()) expire(s, s.expiresAt());
    }

    void expire(CheckoutSession s, long at) {
        s.expire();
        events.emit("checkout.session.expired", at, render(s));
    }

    long now(CheckoutSession s) { return time.now(customers.find(s.customerId()).orElseThrow().testClockId()); }

    public String pageUrl(CheckoutSession s) { return baseUrl.get() + "/c/pay/" + s.id(); }

    public ObjectNode render(CheckoutSession s) {
        return CheckoutJson.render(s, customers.find(s.customerId()).orElseThrow(), pageUrl(s));
    }
}
