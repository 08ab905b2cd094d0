package com.counterlink.woo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange, never following redirects; the client decides about those. */
public interface WooTransport {

    WooResponse send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                     long maxResponseBytes) throws IOException, InterruptedException;

    record WooResponse(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    /** Raised when a body is larger than allowed; the rest is not read. */
    class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(long limit) {
            super("response larger than " + limit + " bytes");
        }
    }

    static WooTransport jdk(Duration connectTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return (method, uri, headers, body, timeout, maxResponseBytes) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
                if (bytes.length > maxResponseBytes) {
                    throw new ResponseTooLargeException(maxResponseBytes);
                }
                return new WooResponse(response.statusCode(), response.headers().map(), bytes);
            } catch (HttpTimeoutException e) {
                throw e;
            }
        };
    }
}
