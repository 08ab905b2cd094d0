package com.counterlink.bridge.agent;

/** The cloud could not be reached or answered with a server error: retry with backoff. */
public class CloudUnavailableException extends RuntimeException {

    public CloudUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
