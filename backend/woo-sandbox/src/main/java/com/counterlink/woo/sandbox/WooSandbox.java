package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.coupon.CouponController;
import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.http.SandboxHttpHandler;
import com.counterlink.woo.sandbox.management.ManagementApi;
import com.counterlink.woo.sandbox.order.OrderController;
import com.counterlink.woo.sandbox.product.ProductController;
import com.counterlink.woo.sandbox.rest.RestIndex;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.settings.SettingsController;
import com.counterlink.woo.sandbox.settings.SystemStatusController;
import com.counterlink.woo.sandbox.store.SandboxClock;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;
import com.counterlink.woo.sandbox.tax.TaxController;
import com.counterlink.woo.sandbox.category.CategoryController;
import com.counterlink.woo.sandbox.wcauth.AppAuthorizationHandler;
import com.counterlink.woo.sandbox.webhook.WebhookController;
import com.counterlink.woo.sandbox.webhook.WebhookDispatcher;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * A running WooCommerce REST API sandbox. Each store is a separate simulated site under /store/{name};
 * /__sandbox/... is the management API.
 */
public final class WooSandbox implements AutoCloseable {
    private static final Pattern STORE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final WooSandboxConfig config;
    private final HttpServer server;
    private final ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService webhookThreads = Executors.newScheduledThreadPool(4, Thread.ofVirtual().factory());
    private final HttpClient outbound;
    private final RestRouter router = new RestRouter();
    private final Map<String, Store> stores = new ConcurrentHashMap<>();
    private final Map<String, AppAuthorizationHandler> appAuth = new ConcurrentHashMap<>();
    private final ManagementApi management = new ManagementApi(this);
    private final String baseUrl;

    private WooSandbox(WooSandboxConfig config) {
        this.config = config;
        this.outbound = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        ProductController.register(router);
        OrderController.register(router);
        CouponController.register(router);
        TaxController.register(router);
        CategoryController.register(router);
        SettingsController.register(router);
        SystemStatusController.register(router);
        WebhookController.register(router);
        // The JDK server writes a response's head and body separately; with Nagle's algorithm on, every
        // response then waits for the client's delayed ACK (about 40 ms), which no real WooCommerce does.
        // Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", new SandboxHttpHandler(this::route));
        server.setExecutor(requestThreads);
        server.start();
        this.baseUrl = "http://" + config.host() + ":" + server.getAddress().getPort();
    }

    public static WooSandbox start(WooSandboxConfig config) { return new WooSandbox(config); }

    public static WooSandbox start() { return start(WooSandboxConfig.defaults()); }

    public String baseUrl() { return baseUrl; }

    public int port() { return server.getAddress().getPort(); }

    public WooSandboxConfig config() { return config; }

    public Store createStore(String name) { return createStore(name, StoreOptions.defaults()); }

    public Store createStore(String name, StoreOptions options) {
        if (!STORE_NAME.matcher(name).matches()) throw new RestException(400, "sandbox_invalid_store_name", "Store names are 1-64 letters, digits, _ or -.");
        Store store = new Store(name, baseUrl + "/store/" + name, options, new SandboxClock(config.clock()), config.firstPostId(),
                s -> new WebhookDispatcher(s, outbound, webhookThreads,
                        config.webhookDelay().isNegative() ? -1 : config.webhookDelay().toMillis(), config.webhookTimeout()));
        if (stores.putIfAbsent(name, store) != null) {
            throw new RestException(409, "sandbox_store_exists", "A store named " + name + " already exists.");
        }
        appAuth.put(name, new AppAuthorizationHandler(store, outbound));
        return store;
    }

    public Optional<Store> store(String name) { return Optional.ofNullable(stores.get(name)); }

    public List<Store> stores() { return List.copyOf(stores.values()); }

    public boolean deleteStore(String name) {
        appAuth.remove(name);
        return stores.remove(name) != null;
    }

    /** Whether WordPress would consider this request to have arrived over TLS (is_ssl()). */
    boolean isSsl(Store store, Request req) {
        Boolean perStore = store.options().treatAsHttps();
        if (perStore != null) return perStore;
        if (config.treatAsHttps()) return true;
        return config.trustForwardedProto() && "https".equalsIgnoreCase(req.header("X-Forwarded-Proto"));
    }

    private Response route(Request req) {
        String path = req.path();
        if (path.equals("/__sandbox") || path.startsWith("/__sandbox/")) return management.handle(req, path.substring("/__sandbox".length()));
        if (path.startsWith("/store/")) {
            String rest = path.substring("/store/".length());
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            String sitePath = slash < 0 ? "/" : rest.substring(slash);
            Store store = stores.get(name);
            if (store == null) throw new RestException(404, "sandbox_unknown_store", "No sandbox store named " + name + ".");
            return storeRequest(store, req, sitePath);
        }
        if (path.equals("/")) {
            ObjectNode o = Json.object();
            o.put("name", "WooCommerce REST API sandbox");
            o.put("management", baseUrl + "/__sandbox/stores");
            var arr = o.putArray("stores");
            stores.values().forEach(s -> arr.add(s.baseUrl()));
            return Response.json(200, o);
        }
        throw new RestException(404, "sandbox_not_found", "Nothing here. Stores live under /store/{name}, management under /__sandbox.");
    }

    private Response storeRequest(Store store, Request req, String sitePath) {
        String route = null;
        if (sitePath.equals("/wp-json") || sitePath.startsWith("/wp-json/")) route = sitePath.substring("/wp-json".length());
        else if (req.query("rest_route") != null) route = req.query("rest_route");
        if (route != null) {
            if (route.isEmpty() || route.equals("/")) return RestIndex.render(store, req);
            store.countRestRequest(req.method(), route);
            store.recordWrite(req.method(), route, req.body());
            Optional<Response> fault = store.faults().apply();
            if (fault.isPresent()) return fault.get();
            return router.handle(store, req, route, sitePath, isSsl(store, req));
        }
        if (sitePath.startsWith("/wc-auth/")) return appAuth.get(store.name()).handle(req, sitePath);
        return Response.html(404, "<html><body><h1>Not Found</h1></body></html>");
    }

    @Override
    public void close() {
        server.stop(0);
        webhookThreads.shutdownNow();
        requestThreads.shutdownNow();
    }
}
