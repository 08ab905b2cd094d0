package com.counterlink.platform.web;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedHeadersTest {

    private final HttpRequest<?> forwarded = HttpRequest.GET("/api/public/config")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-For", "203.0.113.5, 198.51.100.7");

    @Test
    void withoutATrustedProxyTheHeadersAreAnyonesAndIgnored() {
        ForwardedHeaders headers = new ForwardedHeaders(settings(false));
        assertFalse(headers.isHttps(forwarded));
        assertNotEquals("198.51.100.7", headers.clientAddress(forwarded));
        assertNotEquals("203.0.113.5", headers.clientAddress(forwarded));
    }

    @Test
    void behindOurProxyTheSchemeIsItsAndTheCallerTheAddressItAppended() {
        ForwardedHeaders headers = new ForwardedHeaders(settings(true));
        assertTrue(headers.isHttps(forwarded));
        assertEquals("198.51.100.7", headers.clientAddress(forwarded), "the right-most entry is the one our proxy added");
        assertFalse(headers.isHttps(HttpRequest.GET("/").header("X-Forwarded-Proto", "http")));
    }

    private static WebSettings settings(boolean trusted) {
        WebSettings settings = new WebSettings();
        settings.setTrustForwardedHeaders(trusted);
        return settings;
    }
}
