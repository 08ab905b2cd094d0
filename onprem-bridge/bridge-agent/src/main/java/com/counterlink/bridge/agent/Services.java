package com.counterlink.bridge.agent;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class Services {

    private Services() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static Path jar() {
        try {
            return Path.of(BridgeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServiceDefinition definition(Path config, String user) {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return new ServiceDefinition(java, jar(), config.toAbsolutePath(), user);
    }

    static int run(List<String> command) throws IOException, InterruptedException {
        System.out.println("> " + String.join(" ", command));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
