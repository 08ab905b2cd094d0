package com.counterlink.bridge.protocol;

/** A task parameter (or result field) that breaks the protocol's rules; names the field for the person fixing it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
