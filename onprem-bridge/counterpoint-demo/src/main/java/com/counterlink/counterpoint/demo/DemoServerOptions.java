package com.counterlink.counterpoint.demo;

import java.nio.file.Path;

/** Command-line options of {@link CounterpointDemoServer}, with their defaults. */
public record DemoServerOptions(int port, int items, Path dataDir, String databaseName, long seed, String user, String password) {
    public static final int DEFAULT_PORT = 19092;
    public static final int DEFAULT_ITEMS = 100;
    /** Next to the jar (in target/), so the demo data never lands in the source tree and `mvn clean` removes it. */
    public static final Path DEFAULT_DATA_DIR = besideTheCode("counterpoint-demo-data");
    public static final String DEFAULT_DATABASE = "counterpoint";
    public static final String DEFAULT_USER = "sa";
    public static final String DEFAULT_PASSWORD = "counterpoint";

    public static final String USAGE = """
            Usage: java -jar counterpoint-demo.jar [--port 19092] [--items 100] [--data-dir <jar folder>/counterpoint-demo-data]
                                                   [--database counterpoint] [--seed %d]
                                                   [--user sa] [--password counterpoint]
            Starts an H2 TCP server in SQL Server mode with a Counterpoint-shaped database,
            installing the schema and seeding --items items when the database is new.
            """.formatted(CounterpointSeeder.DEFAULT_SEED);

    public DemoServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        if (items < 1) {
            throw new IllegalArgumentException("--items must be at least 1, was " + items);
        }
        if (!databaseName.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--database must be a simple name, was " + databaseName);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("--user must not be blank");
        }
    }

    public static DemoServerOptions defaults() {
        return new DemoServerOptions(DEFAULT_PORT, DEFAULT_ITEMS, DEFAULT_DATA_DIR, DEFAULT_DATABASE, CounterpointSeeder.DEFAULT_SEED,
                DEFAULT_USER, DEFAULT_PASSWORD);
    }

    public static DemoServerOptions parse(String... args) {
        DemoServerOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            options = switch (name) {
                case "--port" -> options.withPort(parseInt(name, value));
                case "--items" -> options.withItems(parseInt(name, value));
                case "--data-dir" -> options.withDataDir(Path.of(value));
                case "--database" -> new DemoServerOptions(options.port, options.items, options.dataDir, value, options.seed, options.user, options.password);
                case "--seed" -> new DemoServerOptions(options.port, options.items, options.dataDir, options.databaseName, parseLong(name, value), options.user, options.password);
                case "--user" -> new DemoServerOptions(options.port, options.items, options.dataDir, options.databaseName, options.seed, value, options.password);
                case "--password" -> new DemoServerOptions(options.port, options.items, options.dataDir, options.databaseName, options.seed, options.user, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return options;
    }

    public DemoServerOptions withPort(int newPort) {
        return new DemoServerOptions(newPort, items, dataDir, databaseName, seed, user, password);
    }

    public DemoServerOptions withItems(int newItems) {
        return new DemoServerOptions(port, newItems, dataDir, databaseName, seed, user, password);
    }

    public DemoServerOptions withDataDir(Path newDataDir) {
        return new DemoServerOptions(port, items, newDataDir, databaseName, seed, user, password);
    }

    private static Path besideTheCode(String folder) {
        try {
            Path code = Path.of(DemoServerOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().resolve(folder);
        } catch (Exception e) {
            return Path.of(folder).toAbsolutePath();
        }
    }

    private static int parseInt(String name, String value) {
        return (int) parseLong(name, value);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, was " + value);
        }
    }
}
