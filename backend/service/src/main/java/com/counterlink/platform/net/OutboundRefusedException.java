package com.counterlink.platform.net;

/** A URL the outbound policy does not allow; the message completes "The URL ...". */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String reason) {
        super(reason);
    }
}
