package com.counterlink.sync;

/** The tenant's bridge is offline: the run waits for it instead of failing. */
public class BridgeOfflineException extends Exception {

    public BridgeOfflineException(String message) {
        super(message);
    }
}
