package com.counterlink.woo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * A failed WooCommerce call: our code, the HTTP status (0 when there was no response), and
 * WooCommerce's own {@code code}, {@code message} and {@code data} when it sent them.
 */
public class WooException extends RuntimeException {

    private final WooErrorCode code;
    private final int httpStatus;
    private final String wooCode;
    private final transient JsonNode data;
    private final Duration retryAfter;
    private final String advice;

    public WooException(WooErrorCode code, int httpStatus, String wooCode, String message, JsonNode data,
                        Duration retryAfter, Throwable cause) {
        this(code, httpStatus, wooCode, message, data, retryAfter, cause, null);
    }

    private WooException(WooErrorCode code, int httpStatus, String wooCode, String message, JsonNode data,
                         Duration retryAfter, Throwable cause, String advice) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.wooCode = wooCode;
        this.data = data;
        this.retryAfter = retryAfter;
        this.advice = advice;
    }

    public WooException(WooErrorCode code, String message) {
        this(code, 0, null, message, null, null, null);
    }

    /** The same failure with what a person can do about it, which then follows the message. */
    public WooException withAdvice(String value) {
        WooException advised = new WooException(code, httpStatus, wooCode, storeMessage(), data, retryAfter, getCause(), value);
        advised.setStackTrace(getStackTrace());
        return advised;
    }

    /** What a person can do about it, when we know; null otherwise. */
    public String advice() {
        return advice;
    }

    /** The message alone, without the advice (WooCommerce's own words when it sent some). */
    public String storeMessage() {
        return super.getMessage();
    }

    /** The message and, when there is one, the advice: what run histories and logs show. */
    @Override
    public String getMessage() {
        return advice == null ? super.getMessage() : super.getMessage() + " " + advice;
    }

    public WooErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** WooCommerce's error code, e.g. {@code product_invalid_sku}; null when the store sent none. */
    public String wooCode() {
        return wooCode;
    }

    public JsonNode data() {
        return data;
    }

    /** The server's Retry-After, when it gave one. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For product_invalid_sku: the id of the product that already has the SKU, or 0. */
    public long existingResourceId() {
        return data == null ? 0 : data.path("resource_id").asLong(0);
    }

    @Override
    public String toString() {
        return "WooException[" + code + (httpStatus > 0 ? " HTTP " + httpStatus : "")
                + (wooCode != null ? " " + wooCode : "") + ": " + storeMessage() + "]";
    }
}
