package com.counterlink.stripe.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Stripe example objects: -Dstripe.fixtures.dir, else shared/fixtures/stripe above the working directory
 * (the team's current copy), else the copy kept with this module's tests (src/test/fixtures/stripe).
 */
final class FixtureLocator {
    private FixtureLocator() {}

    static Path fixturesDir() {
        String prop = System.getProperty("stripe.fixtures.dir");
        if (prop != null && !prop.isBlank() && !prop.startsWith("${")) {
            Path p = Path.of(prop);
            if (Files.isDirectory(p)) return p;
            throw new IllegalStateException("stripe.fixtures.dir points to a missing directory: " + p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/stripe");
            if (Files.isDirectory(candidate)) return candidate;
        }
        Path bundled = Path.of("src/test/fixtures/stripe").toAbsolutePath();
        if (Files.isDirectory(bundled)) return bundled;
        throw new IllegalStateException("Cannot find shared/fixtures/stripe above " + Path.of("").toAbsolutePath() + " nor " + bundled
                + "; set -Dstripe.fixtures.dir");
    }
}
