package com.counterlink.platform.web;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** How the service faces browsers and proxies: which other origins may call the API, and whether a proxy is trusted. */
@ConfigurationProperties("counterlink.web")
public class WebSettings {

    private List<String> corsAllowedOrigins = List.of();
    private boolean trustForwardedHeaders;
    private Duration hstsMaxAge = Duration.ofDays(365);

    /** Origins (scheme://host[:port]) besides our own whose pages may call the API; none by default. */
    public List<String> getCorsAllowedOrigins() {
        return corsAllowedOrigins;
    }

    public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
        this.corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).map(WebSettings::origin).toList();
    }

    /**
     * True only behind our own load balancer, which sets X-Forwarded-Proto and appends the caller to
     * X-Forwarded-For: then those decide HSTS and the address rate limits count. Anyone can send them
     * otherwise.
     */
    public boolean isTrustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    public void setTrustForwardedHeaders(boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    public void setHstsMaxAge(Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }

    /** "https://Shop.example.com/" and "https://shop.example.com" are one origin. */
    static String origin(String value) {
        String trimmed = value.strip().replaceAll("/+$", "");
        int scheme = trimmed.indexOf("://");
        return scheme < 0 ? trimmed.toLowerCase(java.util.Locale.ROOT)
                : trimmed.substring(0, scheme).toLowerCase(java.util.Locale.ROOT) + "://"
                        + trimmed.substring(scheme + 3).toLowerCase(java.util.Locale.ROOT);
    }
}
