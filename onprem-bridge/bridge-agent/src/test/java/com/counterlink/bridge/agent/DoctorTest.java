package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.RequestSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorTest {

    @Test
    void clockSkewPassesWarnsAndFailsAtTheSignatureLimit() {
        assertEquals(DoctorCheck.Verdict.PASS, Doctor.skew(date(0)).verdict());
        assertEquals(DoctorCheck.Verdict.WARN, Doctor.skew(date(-120)).verdict());
        DoctorCheck late = Doctor.skew(date(600));
        assertEquals(DoctorCheck.Verdict.FAIL, late.verdict());
        assertTrue(late.detail().contains("behind"), late.detail());
    }

    @Test
    void unreachableSqlAndCloudAreFailuresWithTheReason(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k");
        OwnerOnlyFiles.write(key, RequestSignature.generateKeyPair().getPrivate().getEncoded());
        BridgeConfig config = new BridgeConfig(URI.create("http://localhost:1"), UUID.randomUUID(), UUID.randomUUID(), "x", key,
                "jdbc:h2:tcp://localhost:1/none;MODE=MSSQLServer", "sa", "pw", null, dir, Duration.ofSeconds(15));
        List<DoctorCheck> checks = new Doctor(config, Map.of()).run();
        assertEquals(DoctorCheck.Verdict.PASS, find(checks, "private key").verdict());
        assertEquals(DoctorCheck.Verdict.FAIL, find(checks, "Counterpoint SQL").verdict());
        assertEquals(DoctorCheck.Verdict.PASS, find(checks, "proxy").verdict());
        assertEquals(DoctorCheck.Verdict.FAIL, find(checks, "cloud reachable").verdict());
        assertTrue(find(checks, "cloud reachable").detail().contains("localhost:1"));
    }

    @Test
    void aKeyReadableByOthersIsAWarning(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k");
        Files.write(key, RequestSignature.generateKeyPair().getPrivate().getEncoded());
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        BridgeConfig config = new BridgeConfig(URI.create("http://localhost:1"), UUID.randomUUID(), UUID.randomUUID(), "x", key,
                "", "", "", null, dir, Duration.ofSeconds(15));
        List<DoctorCheck> checks = new Doctor(config, Map.of()).run();
        assertEquals(DoctorCheck.Verdict.WARN, find(checks, "private key").verdict());
        assertEquals(DoctorCheck.Verdict.FAIL, find(checks, "Counterpoint SQL").verdict());
    }

    private static DoctorCheck find(List<DoctorCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String date(long secondsFromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow));
    }
}
