package com.counterlink.stripe.sandbox;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.api.Expander;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.catalog.Catalog;
import com.counterlink.stripe.sandbox.catalog.CatalogEndpoints;
import com.counterlink.stripe.sandbox.checkout.CheckoutEndpoints;
import com.counterlink.stripe.sandbox.checkout.CheckoutPage;
import com.counterlink.stripe.sandbox.checkout.CheckoutSessions;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.core.StateLock;
import com.counterlink.stripe.sandbox.customer.CustomerEndpoints;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.counterlink.stripe.sandbox.event.Event;
import com.counterlink.stripe.sandbox.event.EventEndpoints;
import com.counterlink.stripe.sandbox.event.EventJson;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.event.WebhookDelivery;
import com.counterlink.stripe.sandbox.event.WebhookDispatcher;
import com.counterlink.stripe.sandbox.event.WebhookEndpoint;
import com.counterlink.stripe.sandbox.event.WebhookEndpoints;
import com.counterlink.stripe.sandbox.gateway.ApiGateway;
import com.counterlink.stripe.sandbox.http.HttpAdapter;
import com.counterlink.stripe.sandbox.http.Json;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.counterlink.stripe.sandbox.invoice.HostedInvoicePages;
import com.counterlink.stripe.sandbox.invoice.InvoiceEndpoints;
import com.counterlink.stripe.sandbox.invoice.InvoiceLifecycle;
import com.counterlink.stripe.sandbox.invoice.Invoices;
import com.counterlink.stripe.sandbox.management.ManagementApi;
import com.counterlink.stripe.sandbox.payment.PaymentEndpoints;
import com.counterlink.stripe.sandbox.payment.Payments;
import com.counterlink.stripe.sandbox.portal.Portal;
import com.counterlink.stripe.sandbox.portal.PortalPage;
import com.counterlink.stripe.sandbox.subscription.SubscriptionContext;
import com.counterlink.stripe.sandbox.subscription.SubscriptionFeature;
import com.counterlink.stripe.sandbox.subscription.Subscriptions;
import com.counterlink.stripe.sandbox.testclock.TestClockEndpoints;
import com.counterlink.stripe.sandbox.testclock.TestClocks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running Stripe API sandbox: one test-mode account with its own state. {@code /v1/...} is Stripe's API (any
 * {@code sk_test_*} key), {@code /c/pay}, {@code /p/session} and {@code /i} are the hosted Checkout, portal and
 * invoice pages, {@code /__sandbox/...} is the management API for tests.
 */
public final class StripeSandbox implements AutoCloseable {
    /** A key printed for the standalone sandbox; any {@code sk_test_*} key is accepted. */
    public static final String TEST_KEY = "sk_test_counterlink_sandbox";

    private final StripeSandboxConfig config;
    private final HttpServer server;
    private final ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService clockWorker = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final String baseUrl;
    private final StateLock lock = new StateLock();
    private final SandboxClock clock;
    private final WebhookEndpoints webhookEndpoints = new WebhookEndpoints();
    private final WebhookDispatcher dispatcher;
    private final EventLog events;
    private final Payments payments;
    private final SubscriptionFeature subscriptions;
    private final ApiGateway gateway;
    private final CheckoutPage checkoutPage;
    private final PortalPage portalPage;
    private final HostedInvoicePages invoicePages;
    private final ManagementApi management;

    private StripeSandbox(StripeSandboxConfig config) {
        this.config = config;
        // the JDK server writes a response's head and body separately; without TCP_NODELAY each waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.baseUrl = "http://" + config.host() + ":" + server.getAddress().getPort();
        Supplier<String> base = () -> baseUrl;
        this.clock = new SandboxClock(config.clock());
        this.dispatcher = new WebhookDispatcher(clock, config.webhookTimeout(), config.webhookRetryDelays());
        this.events = new EventLog(webhookEndpoints, dispatcher);
        TestClocks testClocks = new TestClocks(clock);
        Customers customers = new Customers();
        Catalog catalog = new Catalog();
        this.payments = new Payments(customers, events, testClocks);
        Invoices invoices = new Invoices();
        InvoiceLifecycle lifecycle = new InvoiceLifecycle(invoices, customers, payments, events, config.paymentRetries(), base);
        Subscriptions subscriptionStore = new Subscriptions();
        this.subscriptions = new SubscriptionFeature(new SubscriptionContext(subscriptionStore, customers, catalog, payments, invoices, lifecycle,
                events, testClocks, config.dunningOutcome()));
        lifecycle.hooks(subscriptions.invoiceHooks());
        CheckoutSessions checkoutSessions = new CheckoutSessions(customers, events, testClocks, base);
        Portal portal = new Portal(customers, testClocks, base);

        ApiRouter router = new ApiRouter();
        Renderers renderers = new Renderers();
        new CustomerEndpoints(customers, events, testClocks, payments, id -> testClocks.find(id).isPresent(), subscriptions::customerDeleted)
                .register(router, renderers);
        new CatalogEndpoints(catalog, events, clock).register(router, renderers);
        new PaymentEndpoints(payments, customers).register(router, renderers);
        subscriptions.register(router, renderers);
        new InvoiceEndpoints(invoices, lifecycle, customers, payments, testClocks).register(router, renderers);
        new CheckoutEndpoints(checkoutSessions, customers, testClocks).register(router, renderers);
        portal.register(router);
        new EventEndpoints(events, webhookEndpoints, clock).register(router, renderers);
        new TestClockEndpoints(testClocks, events, subscriptions.engine(), lock, clockWorker, clockId -> {
            subscriptionStore.removeOnClock(clockId);
            invoices.removeOnClock(clockId);
            customers.removeOnClock(clockId);
        }).register(router, renderers);

        this.gateway = new ApiGateway(router, new Expander(renderers), lock, subscriptions.engine()::catchUp, events, clock, base);
        this.checkoutPage = new CheckoutPage(checkoutSessions, customers, payments, events);
        this.portalPage = new PortalPage(portal, customers, payments, subscriptionStore, subscriptions, invoices, events, testClocks);
        this.invoicePages = new HostedInvoicePages(invoices, lifecycle, customers, payments, testClocks);
        this.management = new ManagementApi(lock, clock, webhookEndpoints, dispatcher, events, payments, customers, subscriptionStore,
                subscriptions.json(), invoices, testClocks, gateway.log(), subscriptions.engine()::catchUp, base);

        server.createContext("/", new HttpAdapter(this::route));
        server.setExecutor(requestThreads);
        server.start();
        if (!config.tick().isZero() && !config.tick().isNegative()) {
            ticker.scheduleWithFixedDelay(this::tick, config.tick().toMillis(), config.tick().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public static StripeSandbox start(StripeSandboxConfig config) { return new StripeSandbox(config); }

    public static StripeSandbox start() { return start(StripeSandboxConfig.defaults()); }

    /** The API base for stripe-java ({@code StripeClient.builder().setApiBase(...)}): no {@code /v1}. */
    public String baseUrl() { return baseUrl; }

    public int port() { return server.getAddress().getPort(); }

    public StripeSandboxConfig config() { return config; }

    /** Registers a webhook endpoint with a chosen secret ({@code whsec_...}; null makes one) for the given event types ("*" = all). */
    public WebhookEndpoint addWebhookEndpoint(String url, String secret, String... enabledEvents) {
        List<String> types = enabledEvents.length == 0 ? List.of("*") : List.of(enabledEvents);
        return lock.call(() -> webhookEndpoints.add(url, secret, types, clock.nowSeconds()));
    }

    /** Every delivery attempt so far, in the order they finished. */
    public List<WebhookDelivery> webhookDeliveries() { return dispatcher.deliveries(); }

    /** Sends the deliveries waiting for a retry now; returns how many. */
    public int retryWebhooksNow() { return dispatcher.retryNow(); }

    /** Makes the next {@code count} charges decline with {@code declineCode} ({@code generic_decline}, {@code insufficient_funds}...). */
    public void failNextCharges(int count, String declineCode) { lock.run(() -> payments.failNextCharges(count, declineCode)); }

    /** The events so far, newest first, as {@code GET /v1/events} renders them. */
    public List<ObjectNode> events() { return lock.call(() -> events.newestFirst().stream().map(EventJson::render).toList()); }

    public List<Event> eventLog() { return lock.call(events::newestFirst); }

    /** Moves the account's clock forward (objects not on a test clock) and runs what fell due. */
    public void advanceAccountClock(Duration by) {
        lock.run(() -> {
            clock.advance(by.toSeconds());
            subscriptions.engine().catchUp();
        });
    }

    private void tick() {
        try {
            lock.run(() -> subscriptions.engine().catchUp());
        } catch (RuntimeException e) {
            System.err.println("Stripe sandbox: due work failed: " + e);
        }
    }

    private Response route(Request req) {
        String path = req.path();
        try {
            if (path.startsWith("/v1/")) return gateway.handle(req);
            if (path.equals("/__sandbox") || path.startsWith("/__sandbox/")) return management.handle(req, path.substring("/__sandbox".length()));
            if (path.startsWith("/c/pay/")) return page(() -> checkoutPage.handle(req, path.substring("/c/pay/".length())));
            if (path.startsWith("/p/session/")) return page(() -> portalPage.handle(req, path.substring("/p/session/".length())));
            if (path.startsWith("/i/")) return page(() -> invoicePages.handle(req, path.substring("/i/".length())));
            if (path.equals("/")) return Response.json(200, info());
            ApiError e = new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, null, null, "Unrecognized request URL (" + req.method() + ": " + path
                    + "). The Stripe sandbox serves its API under /v1 and its management API under /__sandbox.");
            return Response.json(404, e.toBody(null));
        } catch (ApiError e) {
            return Response.json(e.status(), e.toBody(null));
        } catch (RuntimeException e) {
            e.printStackTrace();
            return Response.json(500, new ApiError(500, ErrorType.API_ERROR, null, null, "Sandbox error: " + e).toBody(null));
        }
    }

    /** A hosted page changes state like an API call: after time-based work has caught up, under the lock. */
    private Response page(Supplier<Response> handler) {
        return lock.call(() -> {
            subscriptions.engine().catchUp();
            events.cause(null, null);
            return handler.get();
        });
    }

    private ObjectNode info() {
        ObjectNode o = Json.object();
        o.put("name", "Stripe API sandbox (Counterlink)");
        o.put("api_base", baseUrl);
        o.put("api_version", EventJson.API_VERSION);
        o.put("test_key", TEST_KEY);
        o.put("management", baseUrl + "/__sandbox");
        return o;
    }

    @Override
    public void close() {
        server.stop(0);
        ticker.shutdownNow();
        clockWorker.shutdownNow();
        dispatcher.close();
        requestThreads.shutdownNow();
    }
}
