package com.counterlink.woo;

/** What went wrong talking to a store, in our terms; WooCommerce's own code travels alongside. */
public enum WooErrorCode {
    /** Key unknown, secret wrong, or OAuth signature refused. */
    WOO_AUTH_FAILED(false),
    /** The key lacks read or write permission. */
    WOO_PERMISSION_DENIED(false),
    WOO_NOT_FOUND(false),
    /** WooCommerce refused the request's content (rest_invalid_param and friends). */
    WOO_INVALID_REQUEST(false),
    /** product_invalid_sku: the SKU exists; data.resource_id names the existing product. */
    WOO_DUPLICATE_SKU(false),
    WOO_BATCH_TOO_LARGE(false),
    /** 429 from the hosting layer (WooCommerce itself never rate-limits wc/v3). */
    WOO_RATE_LIMITED(true),
    /** 5xx or an HTML error page from the store or its host. */
    WOO_UNAVAILABLE(true),
    WOO_TIMEOUT(true),
    /** Connection refused, reset, DNS, TLS. */
    WOO_UNREACHABLE(true),
    /** Not the JSON WooCommerce answers (a proxy page, a login page, a redirect). */
    WOO_BAD_RESPONSE(false),
    WOO_RESPONSE_TOO_LARGE(false),
    /** Our outbound policy refused the URL (or a redirect to it). */
    WOO_URL_REFUSED(false);

    private final boolean transientFailure;

    WooErrorCode(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether the same idempotent call may succeed if retried later. */
    public boolean isTransient() {
        return transientFailure;
    }
}
