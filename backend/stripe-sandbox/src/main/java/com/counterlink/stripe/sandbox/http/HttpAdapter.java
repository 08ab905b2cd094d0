package com.counterlink.stripe.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Adapts the JDK HTTP server to {@link Request}/{@link Response}. */
public final class HttpAdapter implements HttpHandler {
    private final Function<Request, Response> app;

    public HttpAdapter(Function<Request, Response> app) { this.app = app; }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = ex.getRequestURI().getPath();
            Request req = new Request(ex.getRequestMethod(), path == null ? "/" : path, ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(), body);
            Response resp = app.apply(req);
            for (Map.Entry<String, List<String>> h : resp.headers().entrySet()) {
                for (String v : h.getValue()) ex.getResponseHeaders().add(h.getKey(), v);
            }
            boolean noBody = "HEAD".equals(req.method()) || resp.body().length == 0;
            ex.sendResponseHeaders(resp.status(), noBody ? -1 : resp.body().length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(resp.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        }
    }
}
