package com.counterlink.bridge.protocol;

/** Problem codes of the bridge endpoints that the agent acts on; the backend's ErrorCode uses the same names. */
public final class BridgeErrorCodes {
    /** The bridge was revoked in the portal: stop, do not retry. */
    public static final String BRIDGE_REVOKED = "BRIDGE_REVOKED";
    /** No such bridge (deleted, or the tenant is gone): stop, do not retry. */
    public static final String BRIDGE_UNKNOWN = "BRIDGE_UNKNOWN";
    /** Signature, timestamp or nonce rejected; usually a clock that is off. */
    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    public static final String ENROLLMENT_TOKEN_INVALID = "ENROLLMENT_TOKEN_INVALID";
    public static final String RESULT_INVALID = "RESULT_INVALID";

    private BridgeErrorCodes() {
    }
}
