package com.counterlink.bridge.protocol;

/** An operation name this side of the protocol does not know: rejected, never guessed. */
public class UnknownOperationException extends RuntimeException {

    public UnknownOperationException(String name) {
        super("unknown operation \"" + name + "\"");
    }
}
