package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of "test connection": what was checked, the outcome, and what to do about it. */
@Serdeable
public record ConnectionCheck(String check, Outcome status, String detail, @Nullable String fix) {

    public enum Outcome { PASS, WARN, FAIL }

    static ConnectionCheck pass(String check, String detail) {
        return new ConnectionCheck(check, Outcome.PASS, detail, null);
    }

    static ConnectionCheck warn(String check, String detail, String fix) {
        return new ConnectionCheck(check, Outcome.WARN, detail, fix);
    }

    static ConnectionCheck fail(String check, String detail, String fix) {
        return new ConnectionCheck(check, Outcome.FAIL, detail, fix);
    }
}
