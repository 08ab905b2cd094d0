package com.counterlink.woo.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A tiny HTTP endpoint standing in for a webhook receiver or a wc-auth callback; records what it receives. */
final class RecordingListener implements AutoCloseable {
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String bodyText() { return new String(body, StandardCharsets.UTF_8); }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, Integer> status = r -> 200;

    RecordingListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", ex -> {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, ex.getRequestBody().readAllBytes());
            received.add(r);
            byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status.apply(r), out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    void respondWith(Function<Received, Integer> status) { this.status = status; }

    Received next(long timeoutMillis) throws InterruptedException {
        return received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void clear() { received.clear(); }

    @Override
    public void close() { server.stop(0); }
}
