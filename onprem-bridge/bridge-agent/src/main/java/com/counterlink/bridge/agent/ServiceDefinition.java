package com.counterlink.bridge.agent;

import java.nio.file.Path;

/** Where the bridge runs from, as a service manager has to start it. */
record ServiceDefinition(Path java, Path jar, Path config, String user) {

    static final String NAME = "counterlink-bridge";

    /** systemd: restarted on failure, but not after exit 3 (revoked): restarting a revoked bridge only loops. */
    String systemdUnit() {
        return """
                [Unit]
                Description=Counterlink bridge (NCR Counterpoint to Counterlink)
                Wants=network-online.target
                After=network-online.target

                [Service]
                Type=simple
                User=%s
                WorkingDirectory=%s
                ExecStart=%s -Xmx96m -jar %s run --config %s
                Restart=on-failure
                RestartSec=20
                RestartPreventExitStatus=%d
                NoNewPrivileges=true

                [Install]
                WantedBy=multi-user.target
                """.formatted(user, config.toAbsolutePath().getParent(), java, jar, config.toAbsolutePath(), BridgeMain.EXIT_REVOKED);
    }

    /** WinSW (stack-notes §8): restart after 20 s on failure, logs rolled by size next to the jar. */
    String winswXml() {
        return """
                <service>
                  <id>%s</id>
                  <name>Counterlink bridge</name>
                  <description>Connects NCR Counterpoint to Counterlink (outbound HTTPS only).</description>
                  <executable>%s</executable>
                  <arguments>-Xmx96m -jar "%s" run --config "%s"</arguments>
                  <workingdirectory>%s</workingdirectory>
                  <startmode>Automatic</startmode>
                  <onfailure action="restart" delay="20 sec"/>
                  <onfailure action="restart" delay="60 sec"/>
                  <resetfailure>1 hour</resetfailure>
                  <logpath>%s</logpath>
                  <log mode="roll-by-size">
                    <sizeThreshold>10240</sizeThreshold>
                    <keepFiles>5</keepFiles>
                  </log>
                </service>
                """.formatted(NAME, xml(java.toString()), xml(jar.toString()), xml(config.toAbsolutePath().toString()),
                xml(config.toAbsolutePath().getParent().toString()), xml(config.toAbsolutePath().getParent().resolve("logs").toString()));
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
