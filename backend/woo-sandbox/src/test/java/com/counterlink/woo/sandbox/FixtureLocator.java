package com.counterlink.woo.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds shared/fixtures/woocommerce: -Dwoo.fixtures.dir, else walking up from the working directory. */
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
        throw new IllegalStateException("Cannot find shared/fixtures/woocommerce above " + Path.of("").toAbsolutePath()
                + "; set -Dwoo.fixtures.dir");
    }
}
