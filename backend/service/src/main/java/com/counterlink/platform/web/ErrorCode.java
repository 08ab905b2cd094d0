package com.counterlink.platform.web;

import io.micronaut.http.HttpStatus;

/** Every error the API answers with; the portal and the docs show these codes. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request has invalid fields"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request could not be read"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Sign in again"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    SUPPORT_SESSION_REQUIRED(HttpStatus.FORBIDDEN, "No live support session on this company"),
    SUPPORT_READ_ONLY(HttpStatus.FORBIDDEN, "The support session is read-only"),
    SUPPORT_NOT_ALLOWED(HttpStatus.FORBIDDEN, "Counterlink support cannot do this for a company"),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN, "Verify your email address first"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request is too large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    ENROLLMENT_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "The enrollment token cannot be used"),
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED, "The bridge's request signature was rejected"),
    BRIDGE_UNKNOWN(HttpStatus.UNAUTHORIZED, "This bridge is not enrolled"),
    BRIDGE_REVOKED(HttpStatus.FORBIDDEN, "This bridge was revoked"),
    RESULT_INVALID(HttpStatus.BAD_REQUEST, "The task result does not match its operation"),
    BRIDGE_OFFLINE(HttpStatus.SERVICE_UNAVAILABLE, "The Counterpoint bridge is offline"),
    COUNTERPOINT_ERROR(HttpStatus.BAD_GATEWAY, "Counterpoint could not answer"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "https://counterlink.dev/problems/" + name().toLowerCase().replace('_', '-');
    }

    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status.getCode() == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
