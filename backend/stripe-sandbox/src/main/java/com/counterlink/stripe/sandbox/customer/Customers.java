package com.counterlink.stripe.sandbox.customer;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's customers, oldest first. Called under the state lock. */
public final class Customers {
    private final Map<String, Customer> customers = new LinkedHashMap<>();

    Customer create(long created, String testClockId) {
        Customer c = new Customer(Ids.next("cus_"), created, testClockId, Ids.hex(8));
        customers.put(c.id(), c);
        return c;
    }

    /** Any customer, deleted ones included (they read as {@code deleted: true}). */
    public Optional<Customer> find(String id) { return Optional.ofNullable(customers.get(id)); }

    /** A live customer named by a parameter, or 400 resource_missing. */
    public Customer require(String id, String param) {
        Customer c = customers.get(id);
        if (c == null || c.deleted()) throw ApiError.noSuchParam("customer", id, param);
        return c;
    }

    public List<Customer> newestFirst() {
        List<Customer> list = new ArrayList<>(customers.values());
        Collections.reverse(list);
        return list;
    }

    /** Forgets the customers of a deleted test clock. */
    public void removeOnClock(String clockId) { customers.values().removeIf(c -> clockId.equals(c.testClockId())); }
}
