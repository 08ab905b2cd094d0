package com.counterlink.bridge.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "uninstall-service", description = "Stops and removes the bridge's service (the configuration stays).")
final class UninstallServiceCommand implements Callable<Integer> {

    @Option(names = "--unit-dir", defaultValue = "/etc/systemd/system")
    Path unitDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Services.isWindows()) {
            Path wrapper = Services.jar().resolveSibling(ServiceDefinition.NAME + "-service.exe");
            Services.run(List.of(wrapper.toString(), "stop"));
            return Services.run(List.of(wrapper.toString(), "uninstall"));
        }
        int status = Services.run(List.of("systemctl", "disable", "--now", ServiceDefinition.NAME));
        Files.deleteIfExists(unitDir.resolve(ServiceDefinition.NAME + ".service"));
        return status | Services.run(List.of("systemctl", "daemon-reload"));
    }
}
