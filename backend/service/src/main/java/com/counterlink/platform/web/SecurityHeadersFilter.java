package com.counterlink.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The browser-facing rules on every response, the portal's and the API's alike, errors included: a
 * content security policy without inline script, no framing, no MIME sniffing, a referrer policy, HSTS
 * over https, and CORS: same origin only unless {@code counterlink.web.cors-allowed-origins} names others.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";

    private final Set<String> allowedOrigins;
    private final ForwardedHeaders forwarded;
    private final String portalPolicy;
    private final String hsts;

    public SecurityHeadersFilter(WebSettings settings, ForwardedHeaders forwarded,
                                 @Value("${counterlink.oidc.issuer}") String issuer) {
        this.allowedOrigins = Set.copyOf(settings.getCorsAllowedOrigins());
        this.forwarded = forwarded;
        this.portalPolicy = portalPolicy(originOf(issuer));
        this.hsts = "max-age=" + settings.getHstsMaxAge().toSeconds();
    }

    /**
     * The portal is built by Vite into files with no inline script or style; it talks to the API here and
     * to Keycloak (sign-in redirects, token refresh), so only Keycloak's origin is named besides our own.
     */
    static String portalPolicy(String issuerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + issuerOrigin + "; frame-src " + issuerOrigin + "; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    /** A CORS preflight: answered here, before authentication, which a preflight never carries. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (request.getMethod() != HttpMethod.OPTIONS || origin == null
                || request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) == null) {
            return null;
        }
        // answered here, so this filter's response side does not run for it: decorate it now
        if (!allowedOrigins.contains(WebSettings.origin(origin))) {
            MutableHttpResponse<Problem> refused = Problem.of(ErrorCode.FORBIDDEN,
                    "Pages from " + origin + " may not call this API", List.of()).response();
            headers(request, refused);
            return refused;
        }
        MutableHttpResponse<?> allowed = HttpResponse.noContent()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        headers(request, allowed);
        return allowed;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Content-Security-Policy", request.getPath().startsWith("/api/") ? API_POLICY : portalPolicy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (forwarded.isHttps(request)) {
            headers.set("Strict-Transport-Security", hsts);
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null && allowedOrigins.contains(WebSettings.origin(origin))) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After");
            headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
