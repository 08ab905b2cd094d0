package com.counterlink.bridge.agent;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceDefinitionTest {

    private final ServiceDefinition linux = new ServiceDefinition(Path.of("/opt/java/bin/java"),
            Path.of("/opt/counterlink/counterlink-bridge.jar"), Path.of("/opt/counterlink/counterlink-bridge.properties"), "counterlink");

    @Test
    void theSystemdUnitRestartsOnFailureButNotAfterRevocation() {
        String unit = linux.systemdUnit();
        assertTrue(unit.contains("ExecStart=/opt/java/bin/java -Xmx96m -jar /opt/counterlink/counterlink-bridge.jar run "
                + "--config /opt/counterlink/counterlink-bridge.properties"), unit);
        assertTrue(unit.contains("Restart=on-failure"));
        assertTrue(unit.contains("RestartPreventExitStatus=3"));
        assertTrue(unit.contains("User=counterlink"));
        assertTrue(unit.contains("After=network-online.target"));
        assertTrue(unit.contains("WantedBy=multi-user.target"));
    }

    @Test
    void systemdAcceptsTheGeneratedUnit(@TempDir Path dir) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Path jar = Files.createFile(dir.resolve("counterlink-bridge.jar"));
        Path config = Files.createFile(dir.resolve("counterlink-bridge.properties"));
        ServiceDefinition service = new ServiceDefinition(Path.of(System.getProperty("java.home"), "bin", "java"), jar, config,
                "root");
        Path unit = Files.writeString(dir.resolve("counterlink-bridge.service"), service.systemdUnit());
        Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, verify.waitFor(), output);
        assertFalse(output.contains(unit.getFileName().toString()), "systemd complained about the unit: " + output);
    }

    @Test
    void theWinswDefinitionIsValidXmlWithRestartAndLogRotation() throws Exception {
        ServiceDefinition windows = new ServiceDefinition(Path.of("C:/Program Files/Java/bin/java.exe"),
                Path.of("C:/Counterlink & Co/counterlink-bridge.jar"), Path.of("C:/Counterlink & Co/counterlink-bridge.properties"),
                "ignored");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(windows.winswXml().getBytes(StandardCharsets.UTF_8)));
        assertEquals("counterlink-bridge", text(xml, "id"));
        assertEquals("Automatic", text(xml, "startmode"));
        assertTrue(text(xml, "arguments").contains("-jar \"C:") && text(xml, "arguments").contains("Counterlink & Co"));
        assertTrue(text(xml, "arguments").endsWith("counterlink-bridge.properties\""));
        assertEquals("restart", xml.getElementsByTagName("onfailure").item(0).getAttributes().getNamedItem("action").getNodeValue());
        assertEquals("roll-by-size", xml.getElementsByTagName("log").item(0).getAttributes().getNamedItem("mode").getNodeValue());
        assertEquals("5", text(xml, "keepFiles"));
    }

    private static String text(Document xml, String tag) {
        return xml.getElementsByTagName(tag).item(0).getTextContent();
    }
}
