package com.counterlink.stripe.sandbox.management;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.core.StateLock;
import com.counterlink.stripe.sandbox.customer.CustomerJson;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.EventEndpoints;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.event.WebhookDelivery;
import com.counterlink.stripe.sandbox.event.WebhookDispatcher;
import com.counterlink.stripe.sandbox.event.WebhookEndpoint;
import com.counterlink.stripe.sandbox.event.WebhookEndpoints;
import com.counterlink.stripe.sandbox.gateway.RequestLog;
import com.counterlink.stripe.sandbox.http.Json;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.counterlink.stripe.sandbox.invoice.InvoiceJson;
import com.counterlink.stripe.sandbox.invoice.Invoices;
import com.counterlink.stripe.sandbox.payment.Charge;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.counterlink.stripe.sandbox.subscription.SubscriptionJson;
import com.counterlink.stripe.sandbox.subscription.Subscriptions;
import com.counterlink.stripe.sandbox.testclock.TestClockJson;
import com.counterlink.stripe.sandbox.testclock.TestClocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /__sandbox}: what tests and the local run need that Stripe's API does not offer. JSON in and out, no
 * authentication. Errors use Stripe's error shape.
 */
public final class ManagementApi {
    private final StateLock lock;
    private final SandboxClock clock;
    private final WebhookEndpoints endpoints;
    private final WebhookDispatcher dispatcher;
    private final EventLog events;
    private final Payments payments;
    private final Customers customers;
    private final Subscriptions subscriptions;
    private final SubscriptionJson subscriptionJson;
    private final Invoices invoices;
    private final TestClocks testClocks;
    private final RequestLog requestLog;
    private final Runnable catchUp;
    private final Supplier<String> baseUrl;

    public ManagementApi(StateLock lock, SandboxClock clock, WebhookEndpoints endpoints, WebhookDispatcher dispatcher, EventLog events,
                         Payments payments, Customers customers, Subscriptions subscriptions, SubscriptionJson subscriptionJson,
                         Invoices invoices, TestClocks testClocks, RequestLog requestLog, Runnable catchUp, Supplier<String> baseUrl) {
        this.lock = lock;
        this.clock = clock;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.events = events;
        this.payments = payments;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.subscriptionJson = subscriptionJson;
        this.invoices = invoices;
        this.testClocks = testClocks;
        this.requestLog = requestLog;
        this.catchUp = catchUp;
        this.baseUrl = baseUrl;
    }

    /** @param path the part after {@code /__sandbox} */
    public Response handle(Request req, String path) {
        String route = req.method() + " " + (path.isEmpty() ? "/" : path);
        try {
            return switch (route) {
                case "GET /" -> Response.json(200, summary());
                case "POST /webhook_endpoints" -> Response.json(200, addEndpoint(body(req)));
                case "GET /webhook_endpoints" -> Response.json(200, listEndpoints());
                case "GET /webhook_deliveries" -> Response.json(200, deliveries());
                case "POST /webhook_deliveries/retry" -> Response.json(200, Json.object().put("retried", dispatcher.retryNow()));
                case "POST /charges/fail_next" -> Response.json(200, failNext(body(req)));
                case "DELETE /charges/fail_next" -> {
                    lock.run(payments::clearFailNext);
                    yield Response.json(200, Json.object().put("pending_failures", 0));
                }
                case "GET /charges" -> Response.json(200, charges());
                case "GET /state" -> Response.json(200, lock.call(this::state));
                case "GET /clock" -> Response.json(200, clockJson());
                case "PUT /clock" -> Response.json(200, moveClock(body(req)));
                default -> other(req, path);
            };
        } catch (ApiError e) {
            return Response.json(e.status(), e.toBody(null));
        }
    }

    private Response other(Request req, String path) {
        if (req.method().equals("DELETE") && path.startsWith("/webhook_endpoints/")) {
            boolean removed = endpoints.remove(path.substring("/webhook_endpoints/".length()));
            if (!removed) throw new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, "resource_missing", "id", "No such webhook endpoint");
            return Response.json(200, Json.object().put("deleted", true));
        }
        if (req.method().equals("GET") && path.startsWith("/logs/")) {
            String id = path.substring("/logs/".length());
            RequestLog.Entry e = requestLog.find(id).orElseThrow(() -> new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, "resource_missing",
                    "id", "No request " + id + " in the sandbox's log (it keeps the last 2000)."));
            ObjectNode o = Json.object();
            o.put("request_id", e.requestId());
            o.put("method", e.method());
            o.put("path", e.path());
            o.put("status", e.status());
            Json.putNullable(o, "idempotency_key", e.idempotencyKey());
            o.put("idempotent_replayed", e.replayed());
            Json.putNullable(o, "error", e.error());
            o.put("request_body", e.requestBody());
            return Response.json(200, o);
        }
        throw new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, null, null, "Unknown management route " + req.method() + " /__sandbox" + path);
    }

    private static JsonNode body(Request req) {
        if (req.body().length == 0) return Json.object();
        try {
            return Json.parse(req.body());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidRequest("The management API takes JSON: " + e.getMessage());
        }
    }

    private ObjectNode summary() {
        ObjectNode o = Json.object();
        o.put("api_base", baseUrl.get());
        o.put("api_version", com.counterlink.stripe.sandbox.event.EventJson.API_VERSION);
        o.put("now", clock.nowSeconds());
        o.set("webhook_endpoints", listEndpoints().get("data"));
        o.put("pending_charge_failures", lock.call(payments::pendingFailures));
        o.put("webhook_deliveries_waiting_for_retry", dispatcher.waitingForRetry());
        return o;
    }

    private ObjectNode addEndpoint(JsonNode body) {
        String url = body.path("url").asText(null);
        String secret = body.path("secret").isTextual() ? body.get("secret").asText() : null;
        List<String> types = new ArrayList<>();
        body.path("enabled_events").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) types.add("*");
        WebhookEndpoint e = lock.call(() -> endpoints.add(url, secret, types, clock.nowSeconds()));
        return EventEndpoints.render(e, true);
    }

    private ObjectNode listEndpoints() {
        ObjectNode o = Json.object();
        ArrayNode data = o.putArray("data");
        endpoints.all().forEach(e -> data.add(EventEndpoints.render(e, true)));
        return o;
    }

    private ObjectNode deliveries() {
        ObjectNode o = Json.object();
        ArrayNode data = o.putArray("data");
        for (WebhookDelivery d : dispatcher.deliveries()) {
            ObjectNode n = data.addObject();
            n.put("event_id", d.eventId());
            n.put("event_type", d.eventType());
            n.put("endpoint_id", d.endpointId());
            n.put("url", d.url());
            n.put("attempt", d.attempt());
            n.put("sent_at", d.sentAt());
            n.put("stripe_signature", d.signatureHeader());
            n.put("status", d.status());
            n.put("succeeded", d.succeeded());
            Json.putNullable(n, "error", d.error());
            Json.putNullable(n, "response_body", d.responseBody());
            Json.putNullable(n, "next_retry_at", d.nextRetryAt());
            n.put("payload", d.payload());
        }
        return o;
    }

    private ObjectNode failNext(JsonNode body) {
        int count = body.path("count").asInt(1);
        String declineCode = body.path("decline_code").asText("generic_decline");
        if (count < 1) throw ApiError.invalid("count", "count must be at least 1");
        lock.run(() -> payments.failNextCharges(count, declineCode));
        return Json.object().put("pending_failures", lock.call(payments::pendingFailures));
    }

    private ObjectNode charges() {
        ObjectNode o = Json.object();
        ArrayNode data = o.putArray("data");
        for (Charge c : lock.call(payments::charges)) {
            ObjectNode n = data.addObject();
            n.put("customer", c.customerId());
            Json.putNullable(n, "payment_method", c.paymentMethodId());
            n.put("amount", c.amount());
            n.put("currency", c.currency());
            n.put("created", c.at());
            n.put("succeeded", c.succeeded());
            Json.putNullable(n, "decline_code", c.declineCode());
            n.put("description", c.description());
        }
        return o;
    }

    private ObjectNode state() {
        ObjectNode o = Json.object();
        ArrayNode c = o.putArray("customers");
        customers.newestFirst().forEach(x -> c.add(CustomerJson.render(x)));
        ArrayNode s = o.putArray("subscriptions");
        subscriptions.newestFirst().forEach(x -> s.add(subscriptionJson.subscription(x)));
        ArrayNode i = o.putArray("invoices");
        invoices.newestFirst().forEach(x -> i.add(InvoiceJson.invoice(x)));
        ArrayNode ii = o.putArray("invoiceitems");
        invoices.itemsNewestFirst().forEach(x -> ii.add(InvoiceJson.item(x)));
        ArrayNode clocks = o.putArray("test_clocks");
        testClocks.newestFirst().forEach(x -> clocks.add(TestClockJson.render(x)));
        o.put("events", events.newestFirst().size());
        return o;
    }

    private ObjectNode clockJson() {
        ObjectNode o = Json.object();
        o.put("now", clock.nowSeconds());
        o.put("iso", clock.now().toString());
        return o;
    }

    /** {@code {"advance_seconds": N}} or {@code {"now": "2026-04-01T00:00:00Z" | unix}}: moves the account clock forward, runs what fell due. */
    private ObjectNode moveClock(JsonNode body) {
        lock.run(() -> {
            try {
                if (body.has("advance_seconds")) clock.advance(body.get("advance_seconds").asLong());
                else if (body.path("now").isNumber()) clock.moveTo(Instant.ofEpochSecond(body.get("now").asLong()));
                else if (body.path("now").isTextual()) clock.moveTo(Instant.parse(body.get("now").asText()));
                else throw ApiError.invalidRequest("Send {\"advance_seconds\": N} or {\"now\": \"2026-04-01T00:00:00Z\"}.");
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw ApiError.invalidRequest(e.getMessage());
            }
            catchUp.run();
        });
        return clockJson();
    }
}
