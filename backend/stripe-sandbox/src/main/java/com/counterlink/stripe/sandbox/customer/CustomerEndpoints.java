package com.counterlink.stripe.sandbox.customer;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.CreatedFilter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/** {@code /v1/customers}. */
public final class CustomerEndpoints {
    private static final Set<String> COMMON = ParamNames.of("email", "name", "description", "phone", "metadata", "invoice_settings",
            "address", "tax_exempt", "payment_method", "preferred_locales");
    private static final Set<String> CREATE = ParamNames.union(COMMON, ParamNames.of("test_clock"));
    private static final Set<String> UPDATE = ParamNames.union(COMMON, ParamNames.of("balance"));
    private static final Set<String> UNIMPLEMENTED = ParamNames.of("source", "default_source", "shipping", "tax", "tax_id_data",
            "cash_balance", "coupon", "promotion_code", "invoice_prefix", "next_invoice_sequence");
    private static final Set<String> LIST = ParamNames.union(ListPage.PARAMS, ParamNames.of("email", "created", "test_clock"));

    private final Customers customers;
    private final EventLog events;
    private final TimeSource time;
    private final PaymentMethodDirectory paymentMethods;
    private final Predicate<String> clockExists;
    private final Consumer<Customer> onDelete;

    /** @param onDelete cancels the subscriptions of a deleted customer */
    public CustomerEndpoints(Customers customers, EventLog events, TimeSource time, PaymentMethodDirectory paymentMethods,
                             Predicate<String> clockExists, Consumer<Customer> onDelete) {
        this.customers = customers;
        this.events = events;
        this.time = time;
        this.paymentMethods = paymentMethods;
        this.clockExists = clockExists;
        this.onDelete = onDelete;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.post("/v1/customers", this::create);
        router.get("/v1/customers", this::list);
        router.get("/v1/customers/{id}", c -> CustomerJson.render(inPath(c)));
        router.post("/v1/customers/{id}", this::update);
        router.delete("/v1/customers/{id}", this::delete);
        renderers.register("cus_", id -> customers.find(id).map(CustomerJson::render));
    }

    private ObjectNode create(ApiCall c) {
        Params p = c.params().refuseUnimplemented(UNIMPLEMENTED).allow(CREATE);
        String clock = p.nonEmptyString("test_clock").orElse(null);
        if (clock != null && !clockExists.test(clock)) throw ApiError.noSuchParam("test clock", clock, "test_clock");
        validate(p);
        Customer customer = customers.create(time.now(clock), clock);
        apply(customer, p);
        ObjectNode json = CustomerJson.render(customer);
        events.emit("customer.created", customer.created(), json);
        return json;
    }

    private ObjectNode update(ApiCall c) {
        Customer customer = live(inPath(c));
        Params p = c.params().refuseUnimplemented(UNIMPLEMENTED).allow(UPDATE);
        validate(p);
        ObjectNode before = CustomerJson.render(customer);
        apply(customer, p);
        p.longValue("balance").ifPresent(customer::balance);
        ObjectNode after = CustomerJson.render(customer);
        events.emitUpdated("customer.updated", time.now(customer.testClockId()), before, after);
        return after;
    }

    private ObjectNode delete(ApiCall c) {
        Customer customer = live(inPath(c));
        onDelete.accept(customer);
        ObjectNode last = CustomerJson.render(customer);
        customer.markDeleted();
        events.emit("customer.deleted", time.now(customer.testClockId()), last);
        return CustomerJson.render(customer);
    }

    private ObjectNode list(ApiCall c) {
        Params p = c.params().allow(LIST);
        Optional<String> email = p.nonEmptyString("email");
        Optional<String> clock = p.nonEmptyString("test_clock");
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Customer> matching = customers.newestFirst().stream()
                .filter(x -> !x.deleted())
                // customers on a test clock are listed only when that clock is asked for
                .filter(x -> clock.map(id -> id.equals(x.testClockId())).orElse(x.testClockId() == null))
                .filter(x -> email.map(e -> e.equals(x.email())).orElse(true))
                .filter(x -> created.test(x.created())).toList();
        return ListPage.of(matching, Customer::id, CustomerJson::render, p, "/v1/customers", "customer");
    }

    private void validate(Params p) {
        p.oneOf("tax_exempt", List.of("none", "exempt", "reverse"));
        p.object("invoice_settings").ifPresent(s -> s.refuseUnimplemented(ParamNames.of("custom_fields", "footer", "rendering_options"))
                .allow(ParamNames.of("default_payment_method")));
        p.object("address").ifPresent(a -> a.allow(Set.copyOf(CustomerJson.addressFields())));
        p.string("email").filter(e -> e.length() > 512).ifPresent(e -> {
            throw ApiError.invalid("email", "Invalid email address: must be at most 512 characters");
        });
    }

    private void apply(Customer customer, Params p) {
        p.string("email").ifPresent(v -> customer.email(blankToNull(v)));
        p.string("name").ifPresent(v -> customer.name(blankToNull(v)));
        p.string("description").ifPresent(v -> customer.description(blankToNull(v)));
        p.string("phone").ifPresent(v -> customer.phone(blankToNull(v)));
        p.string("tax_exempt").ifPresent(customer::taxExempt);
        p.object("address").ifPresent(a -> {
            if (a.raw().isEmpty()) {
                customer.address(null);
                return;
            }
            Map<String, String> address = customer.address() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(customer.address());
            for (String f : CustomerJson.addressFields()) a.string(f).ifPresent(v -> address.put(f, blankToNull(v)));
            customer.address(address);
        });
        p.applyMetadata(customer.metadata());
        Optional<String> token = p.nonEmptyString("payment_method");
        Optional<String> attached = token.map(pm -> paymentMethods.attach(pm, customer, "payment_method"));
        p.object("invoice_settings").flatMap(s -> s.string("default_payment_method")).ifPresent(requested -> {
            // payment_method=pm_card_visa&invoice_settings[default_payment_method]=pm_card_visa names the card just attached
            String pm = token.isPresent() && token.get().equals(requested) ? attached.orElseThrow() : requested;
            if (pm.isEmpty()) {
                customer.defaultPaymentMethod(null);
            } else if (paymentMethods.isAttachedTo(pm, customer.id(), "invoice_settings[default_payment_method]")) {
                customer.defaultPaymentMethod(pm);
            } else {
                throw ApiError.invalid("invoice_settings[default_payment_method]", "The customer does not have a payment method with the ID "
                        + pm + ". The payment method must be attached to the customer.");
            }
        });
    }

    private Customer inPath(ApiCall c) {
        return customers.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("customer", c.path("id")));
    }

    private static Customer live(Customer c) {
        if (c.deleted()) throw ApiError.noSuchInPath("customer", c.id());
        return c;
    }

    private static String blankToNull(String v) { return v.isEmpty() ? null : v; }

}
