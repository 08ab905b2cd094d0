package com.counterlink.bridge.agent;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the build stamped into the jar; sent with every heartbeat. */
public final class BridgeVersion implements CommandLine.IVersionProvider {

    public static final String VALUE = load();

    private static String load() {
        try (InputStream in = BridgeVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"counterlink-bridge " + VALUE, "Java " + System.getProperty("java.version")};
    }
}
