package com.counterlink.stripe.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local endpoint that records what the sandbox POSTs to it; it can answer 500 to the first deliveries. */
final class WebhookReceiver implements AutoCloseable {
    /** One received request: the exact body bytes (as text) and the signature header. */
    record Received(String body, String signature, String contentType, String userAgent) {
        boolean isType(String type) { return body.contains("\"type\": \"" + type + "\""); }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(body, ex.getRequestHeaders().getFirst("Stripe-Signature"),
                        ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("User-Agent")));
                int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
                ex.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/stripe/webhook"; }

    void failNext(int n) { failuresLeft.set(n); }

    List<Received> received() { return List.copyOf(received); }

    Optional<Received> firstOfType(String type) { return received.stream().filter(r -> r.isType(type)).findFirst(); }

    @Override
    public void close() { server.stop(0); }
}
