package com.counterlink.platform.db;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * {@code COUNTERLINK_MIGRATE_ONLY=true}: brings the database up to this version (our Flyway migrations, then
 * JobRunr's tables) as the owner login, and exits: 0 when done, 1 when not. Nothing else starts: no HTTP server,
 * no jobs, no application login, no secrets key. A Kubernetes hook Job runs the image this way before a new
 * version's replicas start (deploy/kubernetes), and those replicas then start with migrations off.
 */
public final class MigrateOnly {

    public static final String SWITCH = "COUNTERLINK_MIGRATE_ONLY";

    private static final Logger LOG = LoggerFactory.getLogger(MigrateOnly.class);
    private static final String FLYWAY = "flyway.datasources.owner.";

    private MigrateOnly() {
    }

    public static boolean requested(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault(SWITCH, "").trim());
    }

    /** Answers the process's exit code. */
    public static int run() {
        // only the configuration (application.yml and the environment variables it names), no beans
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment environment = context.getEnvironment().start();
            return migrate(environment);
        } catch (RuntimeException e) {
            LOG.error("Migrations failed: {}", e.getMessage(), e);
            return 1;
        }
    }

    private static int migrate(Environment environment) {
        String url = environment.getRequiredProperty("datasources.owner.url", String.class);
        String user = environment.getRequiredProperty("datasources.owner.username", String.class);
        String password = environment.getProperty("datasources.owner.password", String.class, "");

        List<String> locations = environment.getProperty(FLYWAY + "locations", Argument.listOf(String.class))
                .orElse(List.of("classpath:db/migration"));
        Map<String, String> placeholders = environment.getProperty(FLYWAY + "placeholders",
                Argument.mapOf(String.class, String.class)).orElse(Map.of());
        MigrateResult result = Flyway.configure()
                .dataSource(url, user, password)
                .locations(locations.toArray(String[]::new))
                .placeholders(placeholders)
                .load()
                .migrate();
        LOG.info("Migrations done: {} applied, schema at version {}", result.migrationsExecuted,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);

        // JobRunr creates and upgrades its own tables when its storage opens
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(url);
        owner.setUser(user);
        owner.setPassword(password);
        StorageProvider jobs = SqlStorageProviderFactory.using(owner);
        jobs.close();
        LOG.info("JobRunr's tables are up to date");
        return 0;
    }
}
