package com.counterlink.woo.sandbox.store;

/**
 * Per-store switches that are not WooCommerce options but stand in for server set-up.
 *
 * @param treatAsHttps            authenticate as if the request came over TLS (WordPress {@code is_ssl()}), enabling Basic
 *                                and query-string keys; null means "use the sandbox-wide default"
 * @param siteUrl                 WordPress home_url; null means the store's own base URL. OAuth signatures are checked
 *                                against it, like WooCommerce does.
 * @param allowInsecureCallbacks  accept http:// wc-auth callback URLs (WooCommerce refuses them)
 * @param autoApprove             skip the wc-auth grant page and approve at once
 */
public record StoreOptions(Boolean treatAsHttps, String siteUrl, boolean allowInsecureCallbacks, boolean autoApprove) {
    public static StoreOptions defaults() { return new StoreOptions(null, null, false, false); }

    public StoreOptions withTreatAsHttps(Boolean v) { return new StoreOptions(v, siteUrl, allowInsecureCallbacks, autoApprove); }

    public StoreOptions withSiteUrl(String v) { return new StoreOptions(treatAsHttps, v, allowInsecureCallbacks, autoApprove); }

    public StoreOptions withAllowInsecureCallbacks(boolean v) { return new StoreOptions(treatAsHttps, siteUrl, v, autoApprove); }

    public StoreOptions withAutoApprove(boolean v) { return new StoreOptions(treatAsHttps, siteUrl, allowInsecureCallbacks, v); }
}
