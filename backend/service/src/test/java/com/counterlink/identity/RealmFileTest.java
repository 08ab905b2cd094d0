package com.counterlink.identity;

import com.counterlink.testing.TestPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm file every Keycloak is started from (local, tests, docker-compose). The running test Keycloak may
 * have been started from an older file, so these settings are read from the file itself.
 */
class RealmFileTest {

    /** Keycloak's import placeholder: an environment variable with the value used when it is unset. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(COUNTERLINK_SMTP_[A-Z_]+):([^}]*)}$");

    private final Path repo = TestPaths.repoRoot();

    @Test
    void peopleWhoSignUpMustVerifyTheirEmailBeforeTheyCanSignIn() throws IOException {
        JsonNode realm = realm();
        assertTrue(realm.get("registrationAllowed").asBoolean(), "retailers still sign up on their own");
        assertTrue(realm.get("verifyEmail").asBoolean(), "an address is proved before it is trusted");
        assertEquals(12 * 3600, realm.get("attributes").get("actionTokenGeneratedByUserLifespan.verify-email").asInt(),
                "the mailed link works for 12 hours, not Keycloak's default 5 minutes");
    }

    @Test
    void keycloakSendsMailThroughTheConfiguredServerAndLocallyToTheMailCatcher() throws IOException {
        JsonNode smtp = realm().get("smtpServer");
        List<String> variables = new ArrayList<>();
        for (String setting : List.of("host", "port", "from", "fromDisplayName", "ssl", "starttls", "auth", "user", "password")) {
            Matcher placeholder = PLACEHOLDER.matcher(smtp.path(setting).asText());
            assertTrue(placeholder.matches(), setting + " is set from an environment variable: " + smtp.path(setting));
            variables.add(placeholder.group(1));
        }
        assertEquals("localhost", defaultOf(smtp, "host"));
        String catcherPort = matchIn(repo.resolve("deploy/local/mail-catcher.sh"), "COUNTERLINK_SMTP_PORT:-(\\d+)");
        assertEquals(catcherPort, defaultOf(smtp, "port"), "without settings, mail goes to the local mail catcher");

        String compose = Files.readString(repo.resolve("docker-compose.yml"));
        for (String variable : variables) {
            assertTrue(compose.contains(variable + ": ${" + variable), "docker-compose passes " + variable + " to Keycloak");
        }
    }

    private JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(repo.resolve("deploy/keycloak/counterlink-realm.json").toFile());
    }

    private static String defaultOf(JsonNode smtp, String setting) {
        Matcher placeholder = PLACEHOLDER.matcher(smtp.get(setting).asText());
        assertTrue(placeholder.matches());
        return placeholder.group(2);
    }

    private static String matchIn(Path file, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
        assertTrue(matcher.find(), regex + " in " + file);
        return matcher.group(1);
    }
}
