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
        System.exit(commandLine().execute(args));
    }

    /** A configuration problem is a message for the person at the console, not a stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new BridgeMain()).setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
    }
}
