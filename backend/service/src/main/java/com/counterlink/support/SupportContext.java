package com.counterlink.support;

import java.util.Optional;
import java.util.function.Supplier;

/** The support session the current thread acts under, so every audit record names it. */
public final class SupportContext {

    private static final ThreadLocal<SupportSession> CURRENT = new ThreadLocal<>();

    private SupportContext() {
    }

    public static Optional<SupportSession> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T actingIn(SupportSession session, Supplier<T> work) {
        SupportSession previous = CURRENT.get();
        CURRENT.set(session);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
