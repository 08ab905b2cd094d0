package com.counterlink.bridge.agent;

/** The cloud refuses this bridge for good (revoked, unknown) or this request (bad token): retrying cannot help. */
public class CloudRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    public CloudRejectedException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
