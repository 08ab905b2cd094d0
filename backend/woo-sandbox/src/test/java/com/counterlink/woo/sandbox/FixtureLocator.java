package com.counterlink.woo.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the recorded WooCommerce fixtures: -Dwoo.fixtures.dir, else shared/fixtures/woocommerce above the
 * working directory (the team's current recordings), else the copy kept with this module's tests
 * (src/test/fixtures/woocommerce), so a clone on its own still runs the contract tests.
 */
final class FixtureLocator {
    private FixtureLocator() {}

    static Path fixturesDir() {
        String prop = System.getProperty("woo.fixtures.dir");
        if (prop != null && !prop.isBlank() && !prop.startsWith("${")) {
            Path p = Path.of(prop);
            if (Files.isDirectory(p)) return p;
            throw new IllegalStateException("woo.fixtures.dir points to a missing directory: " + p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/woocommerce");
            if (Files.isDirectory(candidate)) return candidate;
        }
        Path bundled = Path.of("src/test/fixtures/woocommerce").toAbsolutePath();
        if (Files.isDirectory(bundled)) return bundled;
        throw new IllegalStateException("Cannot find shared/fixtures/woocommerce above " + Path.of("").toAbsolutePath()
                + " nor " + bundled + "; set -Dwoo.fixtures.dir");
    }
}
