package com.counterlink.bridge.agent;

import java.time.Duration;
import com.counterlink.bridge.protocol.RequestSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

@Command(name = "run", description = "Connects to Counterlink and serves its tasks until stopped (the service runs this).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", defaultValue = BridgeConfig.FILE_NAME, description = "Configuration file (default: ${DEFAULT-VALUE})")
    Path config;
    @Option(names = "--change-probe-seconds", defaultValue = "5",
            description = "How often to look for Counterpoint changes (one cheap query; 0 turns it off; default ${DEFAULT-VALUE})")
    int changeProbeSeconds;

    @Option(names = "--poll-seconds", defaultValue = "25", hidden = true)
    int pollSeconds;

    @Override
    public Integer call() throws Exception {
        BridgeConfig settings = BridgeConfig.load(config);
        BridgeLogging.configure(settings.logDir(), true);
        Logger log = Logger.getLogger(RunCommand.class.getName());
        ProxySettings proxy = ProxySettings.resolve(settings.proxy(), System.getenv());
        CloudClient cloud = new CloudClient(settings.serverUrl(), proxy, settings.tenantId(), settings.bridgeId(),
                RequestSignature.decodePrivateKey(Files.readAllBytes(settings.privateKeyFile())));
        log.info("counterlink-bridge " + BridgeVersion.VALUE + " (bridge " + settings.bridgeId() + ") connecting to "
                + settings.serverUrl() + " " + proxy.describe(settings.serverUrl().getHost()));
        // tasks and the change probe have a connection each; both tell the one health the heartbeat reports
        CounterpointHealth health = new CounterpointHealth();
        try (CounterpointConnections connections = new CounterpointConnections(settings.counterpointUrl(),
                settings.counterpointUser(), settings.counterpointPassword(), health);
             ChangeProbe probe = new ChangeProbe(new CounterpointConnections(settings.counterpointUrl(),
                     settings.counterpointUser(), settings.counterpointPassword(), health))) {
            CloudRejectedException stop = new BridgeLoop(cloud, new OperationExecutor(connections),
                    settings.heartbeatInterval(), pollSeconds, changeProbeSeconds > 0 ? probe : null,
                    Duration.ofSeconds(Math.max(1, changeProbeSeconds)), health).run();
            String message = switch (stop.code()) {
                case "BRIDGE_REVOKED" -> "This bridge was revoked in the Counterlink portal and stops now. To connect this "
                        + "server again, issue a new token in the portal and run 'counterlink-bridge enroll --force'.";
                case "BRIDGE_UNKNOWN" -> "Counterlink no longer knows this bridge (deleted). It stops now. Enroll it again "
                        + "with a new token from the portal: 'counterlink-bridge enroll --force'.";
                default -> "Stopped: " + stop.getMessage();
            };
            log.severe(message + " (" + stop.getMessage() + ")");
            System.err.println(message);
            return CloudClient.isFatal(stop) ? BridgeMain.EXIT_REVOKED : 0;
        }
    }
}
