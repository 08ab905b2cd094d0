package com.counterlink.stripe.sandbox.api;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * A Stripe v1 error on its way to the client: {@code {"error":{type,code,message,param,doc_url,...}}}.
 * Keys without a value are left out, as Stripe does.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final ErrorType type;
    private final String code;
    private final String param;
    private final String declineCode;

    public ApiError(int status, ErrorType type, String code, String param, String message) {
        this(status, type, code, param, message, null);
    }

    public ApiError(int status, ErrorType type, String code, String param, String message, String declineCode) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.declineCode = declineCode;
    }

    public int status() { return status; }

    public ErrorType type() { return type; }

    public String code() { return code; }

    public String param() { return param; }

    public String declineCode() { return declineCode; }

    /**
     * Stripe saves an idempotent result only once the endpoint has started executing: a request refused for its
     * parameters (or a missing object) can be retried with the same key.
     */
    public boolean savedForIdempotency() { return type != ErrorType.INVALID_REQUEST_ERROR && type != ErrorType.IDEMPOTENCY_ERROR; }

    public ObjectNode toBody(String requestLogUrl) {
        ObjectNode error = Json.object();
        if (code != null) error.put("code", code);
        if (declineCode != null) error.put("decline_code", declineCode);
        if (code != null) error.put("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-').toLowerCase(Locale.ROOT));
        error.put("message", getMessage());
        if (param != null) error.put("param", param);
        if (requestLogUrl != null) error.put("request_log_url", requestLogUrl);
        error.put("type", type.wire());
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }

    // ---- the errors the sandbox raises, worded as Stripe words them ----

    /** An object named in the URL path that does not exist: 404. */
    public static ApiError noSuchInPath(String kind, String id) {
        return new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, "resource_missing", "id", "No such " + kind + ": '" + id + "'");
    }

    /** An object named by a parameter that does not exist: 400. */
    public static ApiError noSuchParam(String kind, String id, String param) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "resource_missing", param, "No such " + kind + ": '" + id + "'");
    }

    public static ApiError missing(String param) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_missing", param, "Missing required param: " + param + ".");
    }

    public static ApiError unknown(String param) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_unknown", param, "Received unknown parameter: " + param);
    }

    /** A real Stripe parameter this sandbox does not model: refused rather than silently ignored. */
    public static ApiError notImplemented(String param) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_unknown", param,
                "Received unknown parameter: " + param + " (a Stripe parameter the Counterlink Stripe sandbox does not implement)");
    }

    public static ApiError invalidInteger(String param, String value) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_invalid_integer", param, "Invalid integer: " + value);
    }

    public static ApiError invalidBoolean(String param, String value) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_invalid_boolean", param,
                "Invalid boolean: " + value);
    }

    public static ApiError invalidEmpty(String param) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, "parameter_invalid_empty", param,
                "You passed an empty string for '" + param + "'. We assume empty values are an attempt to unset a parameter; however '"
                        + param + "' cannot be unset. You should remove '" + param + "' from your request or supply a non-empty value.");
    }

    public static ApiError invalid(String param, String message) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, null, param, message);
    }

    public static ApiError invalidRequest(String message) {
        return new ApiError(400, ErrorType.INVALID_REQUEST_ERROR, null, null, message);
    }
}
