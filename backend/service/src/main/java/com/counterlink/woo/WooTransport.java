package com.counterlink.woo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

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
        return jdk(connectTimeout, null);
    }

    /**
     * The JDK's HTTP client, connecting to exactly the address the caller checked. The JDK client has no
     * resolver to plug in, so the caller (WooClient, through OutboundTarget) gives a URI whose host is the
     * checked IP literal and the store's own name in the {@code Host} header. The client then never looks
     * the name up again, so DNS rebinding cannot move the call, and the server still sees its own name.
     * For https the same name goes into TLS as SNI: with an IP literal in the URI the JDK takes SNI from
     * the client's SSL parameters (one client per name), and its trust manager verifies the certificate
     * against that SNI name, exactly as for a URI with the name. Each name also gets its own TLS context:
     * the JDK caches TLS sessions by the peer's host as written in the URI, here the IP, and a session
     * resumed for another name on the same address would skip that name's certificate check. Setting
     * {@code Host} needs the JVM started with {@code -Djdk.httpclient.allowRestrictedHeaders=host}
     * (Application.main, surefire); without it this fails at once instead of calling unpinned.
     *
     * @param trust the certificates to trust; null for the JDK's own (cacerts)
     */
    static WooTransport jdk(Duration connectTimeout, TrustManager[] trust) {
        requireHostHeaderAllowed();
        Map<String, HttpClient> clients = new ConcurrentHashMap<>();
        return (method, uri, headers, body, timeout, maxResponseBytes) -> {
            String serverName = serverName(headers, uri);
            HttpClient http = clients.computeIfAbsent(serverName, name -> client(connectTimeout, trust, name));
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

    private static HttpClient client(Duration connectTimeout, TrustManager[] trust, String serverName) {
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, trust, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
        SSLParameters parameters = tls.getDefaultSSLParameters();
        if (!serverName.isEmpty() && !isIpLiteral(serverName)) {
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .sslParameters(parameters)
                .build();
    }

    /** The name the server knows itself by: the {@code Host} header's host, else the URI's. */
    private static String serverName(Map<String, String> headers, URI uri) {
        String host = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Host"))
                .map(Map.Entry::getValue).findFirst().orElse(uri.getHost());
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            return host.substring(1, Math.max(1, host.indexOf(']')));
        }
        int colon = host.lastIndexOf(':');
        return (colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host).toLowerCase(Locale.ROOT);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void requireHostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "localhost");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Calls to stores connect to the address the URL policy checked and send the "
                    + "store's name as Host: start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host", e);
        }
    }
}
