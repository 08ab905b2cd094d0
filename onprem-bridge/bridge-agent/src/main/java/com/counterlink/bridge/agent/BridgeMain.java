package com.counterlink.bridge.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code counterlink-bridge}: the on-premises bridge between Counterpoint and Counterlink. */
@Command(name = "counterlink-bridge", mixinStandardHelpOptions = true, versionProvider = BridgeVersion.class,
        description = "Connects NCR Counterpoint to Counterlink, outbound over HTTPS only.",
        subcommands = {EnrollCommand.class, RunCommand.class, DoctorCommand.class, InstallServiceCommand.class,
                UninstallServiceCommand.class})
public final class BridgeMain {

    /** Exit code of {@code run} when the cloud revoked or no longer knows this bridge: a service manager must not restart it. */
    public static final int EXIT_REVOKED = 3;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BridgeMain()).execute(args));
    }
}
