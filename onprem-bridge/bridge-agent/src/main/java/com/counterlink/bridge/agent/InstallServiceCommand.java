package com.counterlink.bridge.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "install-service", description = "Installs the bridge as a service: systemd on Linux, WinSW on Windows.")
final class InstallServiceCommand implements Callable<Integer> {

    @Option(names = "--config", defaultValue = BridgeConfig.FILE_NAME, description = "Configuration file (default: ${DEFAULT-VALUE})")
    Path config;
    @Option(names = "--user", defaultValue = "counterlink", description = "Linux account the service runs as (default: ${DEFAULT-VALUE})")
    String user;
    @Option(names = "--unit-dir", defaultValue = "/etc/systemd/system", description = "Where the systemd unit goes")
    Path unitDir;
    @Option(names = "--dry-run", description = "Print the service definition instead of installing it")
    boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BridgeConfig.load(config);
        ServiceDefinition service = Services.definition(config, user);
        if (Services.isWindows()) {
            Path xml = service.jar().resolveSibling(ServiceDefinition.NAME + "-service.xml");
            if (dryRun) {
                System.out.print(service.winswXml());
                return 0;
            }
            Files.writeString(xml, service.winswXml());
            Path wrapper = xml.resolveSibling(ServiceDefinition.NAME + "-service.exe");
            if (!Files.exists(wrapper)) {
                System.err.println("Wrote " + xml + ", but the service wrapper " + wrapper + " is missing; reinstall the bridge package.");
                return 1;
            }
            return Services.run(List.of(wrapper.toString(), "install")) | Services.run(List.of(wrapper.toString(), "start"));
        }
        if (dryRun) {
            System.out.print(service.systemdUnit());
            return 0;
        }
        Path unit = unitDir.resolve(ServiceDefinition.NAME + ".service");
        Files.writeString(unit, service.systemdUnit());
        System.out.println("Wrote " + unit);
        return Services.run(List.of("systemctl", "daemon-reload"))
                | Services.run(List.of("systemctl", "enable", "--now", ServiceDefinition.NAME));
    }
}
