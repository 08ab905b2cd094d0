package com.counterlink.platform.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/** The caller's scheme and address: from the connection, or from our trusted proxy's X-Forwarded-* headers. */
@Singleton
public class ForwardedHeaders {

    private final boolean trusted;

    public ForwardedHeaders(WebSettings settings) {
        this.trusted = settings.isTrustForwardedHeaders();
    }

    public boolean isHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        if (!trusted) {
            return false;
        }
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        return proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https");
    }

    /** The address to count requests against: the right-most X-Forwarded-For entry is the one our proxy saw. */
    public String clientAddress(HttpRequest<?> request) {
        if (trusted) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
