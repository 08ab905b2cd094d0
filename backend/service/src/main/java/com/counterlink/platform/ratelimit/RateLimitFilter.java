package com.counterlink.platform.ratelimit;

import com.counterlink.platform.web.ErrorCode;
import com.counterlink.platform.web.ForwardedHeaders;
import com.counterlink.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Holds the endpoints anyone can call to their allowances ({@link RateLimitSettings}) before any work
 * is done for them: a request over one answers 429 problem+json with Retry-After.
 */
@ServerFilter({"/api/public/**", "/api/openapi", "/api/bridge/enroll", "/api/invitations/accept"})
public class RateLimitFilter implements Ordered {

    private static final String WEBHOOKS = "/api/public/woo/webhooks/";

    private final RateLimitSettings settings;
    private final ForwardedHeaders forwarded;
    private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);

    public RateLimitFilter(RateLimitSettings settings, ForwardedHeaders forwarded) {
        this.settings = settings;
        this.forwarded = forwarded;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> limit(HttpRequest<?> request) {
        if (!settings.isEnabled()) {
            return null;
        }
        String address = forwarded.clientAddress(request);
        for (Allowance allowance : allowances(request.getPath(), address)) {
            long wait = buckets.take(allowance.key(), allowance.perMinute());
            if (wait > 0) {
                return Problem.of(ErrorCode.RATE_LIMITED, "Too many requests " + allowance.per()
                                + "; try again in " + wait + " s", List.of())
                        .response().header("Retry-After", Long.toString(wait));
            }
        }
        return null;
    }

    private List<Allowance> allowances(String path, String address) {
        if (path.startsWith(WEBHOOKS)) {
            String[] ids = path.substring(WEBHOOKS.length()).split("/");
            String tenant = ids[0];
            String store = ids.length > 1 ? ids[1] : "";
            // narrowest first: a store over its allowance must not use up its company's
            return List.of(new Allowance("webhooks-store:" + tenant + "/" + store, settings.getWebhooksPerStore(), "for this store"),
                    new Allowance("webhooks-tenant:" + tenant, settings.getWebhooksPerTenant(), "for this company"),
                    new Allowance("webhooks-address:" + address, settings.getWebhooksPerAddress(), "from this address"));
        }
        if (path.startsWith("/api/public/woo/callback")) {
            return List.of(new Allowance("woo-callback:" + address, settings.getWooCallbackPerAddress(), "from this address"));
        }
        if (path.startsWith("/api/public/downloads/")) {
            return List.of(new Allowance("downloads:" + address, settings.getDownloadsPerAddress(), "from this address"));
        }
        if (path.equals("/api/bridge/enroll")) {
            return List.of(new Allowance("bridge-enroll:" + address, settings.getBridgeEnrollPerAddress(), "from this address"));
        }
        if (path.equals("/api/invitations/accept")) {
            return List.of(new Allowance("invitation-accept:" + address, settings.getInvitationAcceptPerAddress(),
                    "from this address"));
        }
        return List.of(new Allowance("public:" + address, settings.getPublicReadsPerAddress(), "from this address"));
    }

    private record Allowance(String key, int perMinute, String per) {
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
