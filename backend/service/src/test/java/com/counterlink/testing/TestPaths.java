package com.counterlink.testing;

import java.nio.file.Files;
import java.nio.file.Path;

public final class TestPaths {

    private TestPaths() {
    }

    /** The repository root, from Maven's property or by walking up to the reactor's mvnw. */
    public static Path repoRoot() {
        String configured = System.getProperty("counterlink.repo.root");
        if (configured != null && Files.exists(Path.of(configured, "mvnw"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
