package com.counterlink.woo.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Adapts the JDK HTTP server to {@link Request}/{@link Response}. */
public final class SandboxHttpHandler implements HttpHandler {
    private final Function<Request, Response> app;

    public SandboxHttpHandler(Function<Request, Response> app) { this.app = app; }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath() == null ? "/" : decodePath(ex.getRequestURI().getRawPath()),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
            Response resp;
            try {
                resp = app.apply(req);
            } catch (RestException e) {
                resp = Response.json(e.status(), e.toBody());
            } catch (RuntimeException e) {
                RestException err = new RestException(500, "internal_server_error", "Sandbox error: " + e);
                resp = Response.json(500, err.toBody());
            }
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
            // The client went away (e.g. it timed out on an injected hang); nothing left to answer.
        }
    }

    private static String decodePath(String raw) {
        return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
