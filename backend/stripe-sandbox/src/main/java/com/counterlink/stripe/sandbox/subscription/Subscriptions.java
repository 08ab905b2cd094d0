package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The account's subscriptions. Called under the state lock. */
public final class Subscriptions {
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    Subscription create(String customerId, String testClockId, long created, String currency, String billingMode, SubscriptionStatus status) {
        Subscription s = new Subscription(Ids.next("sub_"), customerId, testClockId, created, currency, billingMode, status);
        subscriptions.put(s.id(), s);
        return s;
    }

    public Optional<Subscription> find(String id) { return Optional.ofNullable(id == null ? null : subscriptions.get(id)); }

    public Optional<SubscriptionItem> item(String itemId) {
        return subscriptions.values().stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(itemId)).findFirst();
    }

    public List<Subscription> newestFirst() {
        List<Subscription> list = new ArrayList<>(subscriptions.values());
        Collections.reverse(list);
        return list;
    }

    List<Subscription> onScope(String testClockId) {
        return subscriptions.values().stream().filter(s -> Objects.equals(s.testClockId(), testClockId)).toList();
    }

    List<Subscription> ofCustomer(String customerId) {
        return subscriptions.values().stream().filter(s -> s.customerId().equals(customerId)).toList();
    }

    public void removeOnClock(String clockId) { subscriptions.values().removeIf(s -> clockId.equals(s.testClockId())); }
}
