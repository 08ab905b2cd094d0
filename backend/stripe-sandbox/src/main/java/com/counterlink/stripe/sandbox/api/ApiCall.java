package com.counterlink.stripe.sandbox.api;

import com.counterlink.stripe.sandbox.http.Request;

/**
 * One authenticated v1 API request: its parameters (the form body for POST, the query string otherwise), its
 * request id and idempotency key, and the path's variables.
 */
public record ApiCall(Request request, Params params, String requestId, String idempotencyKey, java.util.Map<String, String> pathVars) {

    public String path(String name) { return pathVars.get(name); }
}
