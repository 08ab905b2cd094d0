package com.counterlink.platform.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Requests per minute the public endpoints take, per caller address, store or tenant. The defaults are
 * far above real use (WooCommerce's webhook bursts, a retailer's portal, the test suite) and only stop
 * floods. Counted in memory per replica: N replicas let through up to N times as much.
 */
@ConfigurationProperties("counterlink.rate-limits")
public class RateLimitSettings {

    private boolean enabled = true;
    private int publicReadsPerAddress = 600;
    private int downloadsPerAddress = 60;
    private int bridgeEnrollPerAddress = 60;
    private int wooCallbackPerAddress = 60;
    private int invitationAcceptPerAddress = 60;
    private int webhooksPerStore = 600;
    private int webhooksPerTenant = 3000;
    private int webhooksPerAddress = 6000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code GET /api/public/config} and {@code /api/openapi}. */
    public int getPublicReadsPerAddress() {
        return publicReadsPerAddress;
    }

    public void setPublicReadsPerAddress(int publicReadsPerAddress) {
        this.publicReadsPerAddress = publicReadsPerAddress;
    }

    /** The bridge downloads under {@code /api/public/downloads/}. */
    public int getDownloadsPerAddress() {
        return downloadsPerAddress;
    }

    public void setDownloadsPerAddress(int downloadsPerAddress) {
        this.downloadsPerAddress = downloadsPerAddress;
    }

    /** {@code POST /api/bridge/enroll}: guesses at one-time tokens. */
    public int getBridgeEnrollPerAddress() {
        return bridgeEnrollPerAddress;
    }

    public void setBridgeEnrollPerAddress(int bridgeEnrollPerAddress) {
        this.bridgeEnrollPerAddress = bridgeEnrollPerAddress;
    }

    /** {@code POST /api/public/woo/callback}: WooCommerce handing over a store's keys. */
    public int getWooCallbackPerAddress() {
        return wooCallbackPerAddress;
    }

    public void setWooCallbackPerAddress(int wooCallbackPerAddress) {
        this.wooCallbackPerAddress = wooCallbackPerAddress;
    }

    /** {@code POST /api/invitations/accept}: guesses at invitation links. */
    public int getInvitationAcceptPerAddress() {
        return invitationAcceptPerAddress;
    }

    public void setInvitationAcceptPerAddress(int invitationAcceptPerAddress) {
        this.invitationAcceptPerAddress = invitationAcceptPerAddress;
    }

    /** Webhook deliveries per store (the store named in the delivery URL). */
    public int getWebhooksPerStore() {
        return webhooksPerStore;
    }

    public void setWebhooksPerStore(int webhooksPerStore) {
        this.webhooksPerStore = webhooksPerStore;
    }

    /** Webhook deliveries per tenant, all its stores together. */
    public int getWebhooksPerTenant() {
        return webhooksPerTenant;
    }

    public void setWebhooksPerTenant(int webhooksPerTenant) {
        this.webhooksPerTenant = webhooksPerTenant;
    }

    /** Webhook deliveries per caller address: high, since many shops share a host's address. */
    public int getWebhooksPerAddress() {
        return webhooksPerAddress;
    }

    public void setWebhooksPerAddress(int webhooksPerAddress) {
        this.webhooksPerAddress = webhooksPerAddress;
    }
}
