package com.counterlink.bridge.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "doctor", description = "Checks Counterpoint SQL, the way to Counterlink (proxy), the clock and the enrollment.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--config", defaultValue = BridgeConfig.FILE_NAME, description = "Configuration file (default: ${DEFAULT-VALUE})")
    Path config;

    @Override
    public Integer call() {
        BridgeConfig settings;
        try {
            settings = BridgeConfig.load(config);
            System.out.println(DoctorCheck.pass("configuration", config.toAbsolutePath().toString()));
        } catch (IllegalArgumentException e) {
            System.out.println(DoctorCheck.fail("configuration", e.getMessage()));
            return 1;
        }
        List<DoctorCheck> checks = new Doctor(settings, System.getenv()).run();
        checks.forEach(System.out::println);
        boolean failed = checks.stream().anyMatch(c -> c.verdict() == DoctorCheck.Verdict.FAIL);
        System.out.println(failed ? "Some checks FAILED." : "All checks passed.");
        return failed ? 1 : 0;
    }
}
