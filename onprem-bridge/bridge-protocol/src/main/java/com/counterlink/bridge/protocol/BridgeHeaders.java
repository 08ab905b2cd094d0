package com.counterlink.bridge.protocol;

/** Headers every signed bridge request carries. */
public final class BridgeHeaders {
    public static final String TENANT = "X-Counterlink-Tenant";
    public static final String BRIDGE = "X-Counterlink-Bridge";
    public static final String TIMESTAMP = "X-Counterlink-Timestamp";
    public static final String NONCE = "X-Counterlink-Nonce";
    public static final String SIGNATURE = "X-Counterlink-Signature";

    private BridgeHeaders() {
    }
}
