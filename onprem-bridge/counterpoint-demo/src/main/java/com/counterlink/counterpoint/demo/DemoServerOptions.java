package com.counterlink.counterpoint.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Command-line options of {@link CounterpointDemoServer}, with their defaults. {@code oddItems}: add the
 * {@link OddItems} (unusual item numbers and a non-inventory item) beside the catalog.
 */
public record DemoServerOptions(int port, CatalogShape shape, Path dataDir, String databaseName, long seed, String user, String password,
                                boolean oddItems) {
    public static final int DEFAULT_PORT = 19092;
    public static final int DEFAULT_ITEMS = 100;
    /** Next to the jar (in target/), so the demo data never lands in the source tree and `mvn clean` removes it. */
    public static final Path DEFAULT_DATA_DIR = besideTheCode("counterpoint-demo-data");
    public static final String DEFAULT_DATABASE = "counterpoint";
    public static final String DEFAULT_USER = "sa";
    public static final String DEFAULT_PASSWORD = "counterpoint";

    public static final String USAGE = """
            Usage: java -jar counterpoint-demo.jar [--port 19092] [--items 100] [--gridded G --cells C]
                                                   [--odd-items]
                                                   [--data-dir <jar folder>/counterpoint-demo-data]
                                                   [--database counterpoint] [--seed %d]
                                                   [--user sa] [--password counterpoint]
            Starts an H2 TCP server in SQL Server mode with a Counterpoint-shaped database,
            installing the schema and seeding --items items when the database is new.
            With --gridded and --cells: all items are e-commerce items, exactly G of them gridded
            with C cells each (e.g. --items 50000 --gridded 5000 --cells 12); without them the
            demo decides per item.
            With --odd-items: also the web items CAFÉ-01 and "FID 1/2 Ünï" (item numbers with
            accents, a space and a slash), ADMISSION-ADULT (a non-inventory item without
            stock), GIFT-BOX (no price) and the twins CAFE-01, TEE-1 and tee-1 (numbers that
            WooCommerce takes for another item's SKU), added to a new or an existing database.
            """.formatted(CounterpointSeeder.DEFAULT_SEED);

    public DemoServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(shape);
        if (!databaseName.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--database must be a simple name, was " + databaseName);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("--user must not be blank");
        }
    }

    /** The demo's own mix of {@code items} items. */
    public DemoServerOptions(int port, int items, Path dataDir, String databaseName, long seed, String user, String password) {
        this(port, demoMix(items), dataDir, databaseName, seed, user, password);
    }

    /** This catalog shape without the odd items. */
    public DemoServerOptions(int port, CatalogShape shape, Path dataDir, String databaseName, long seed, String user, String password) {
        this(port, shape, dataDir, databaseName, seed, user, password, false);
    }

    public int items() {
        return shape.items();
    }

    public static DemoServerOptions defaults() {
        return new DemoServerOptions(DEFAULT_PORT, DEFAULT_ITEMS, DEFAULT_DATA_DIR, DEFAULT_DATABASE, CounterpointSeeder.DEFAULT_SEED,
                DEFAULT_USER, DEFAULT_PASSWORD);
    }

    public static DemoServerOptions parse(String... args) {
        DemoServerOptions options = defaults();
        Integer gridded = null;
        Integer cells = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--odd-items")) {
                options = options.withOddItems(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--gridded" -> gridded = parseInt(name, value);
                case "--cells" -> cells = parseInt(name, value);
                default -> options = options.with(name, value);
            }
        }
        if ((gridded == null) != (cells == null)) {
            throw new IllegalArgumentException("--gridded and --cells go together");
        }
        if (gridded == null) {
            return options;
        }
        try {
            return options.withShape(new CatalogShape.Exact(options.items(), gridded, cells));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--items/--gridded/--cells: " + e.getMessage(), e);
        }
    }

    private DemoServerOptions with(String name, String value) {
        return switch (name) {
            case "--port" -> withPort(parseInt(name, value));
            case "--items" -> withItems(parseInt(name, value));
            case "--data-dir" -> withDataDir(Path.of(value));
            case "--database" -> new DemoServerOptions(port, shape, dataDir, value, seed, user, password, oddItems);
            case "--seed" -> new DemoServerOptions(port, shape, dataDir, databaseName, parseLong(name, value), user, password, oddItems);
            case "--user" -> new DemoServerOptions(port, shape, dataDir, databaseName, seed, value, password, oddItems);
            case "--password" -> new DemoServerOptions(port, shape, dataDir, databaseName, seed, user, value, oddItems);
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    public DemoServerOptions withPort(int newPort) {
        return new DemoServerOptions(newPort, shape, dataDir, databaseName, seed, user, password, oddItems);
    }

    public DemoServerOptions withItems(int newItems) {
        return withShape(demoMix(newItems));
    }

    public DemoServerOptions withShape(CatalogShape newShape) {
        return new DemoServerOptions(port, newShape, dataDir, databaseName, seed, user, password, oddItems);
    }

    public DemoServerOptions withOddItems(boolean withOddItems) {
        return new DemoServerOptions(port, shape, dataDir, databaseName, seed, user, password, withOddItems);
    }

    private static CatalogShape demoMix(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("--items must be at least 1, was " + items);
        }
        return new CatalogShape.DemoMix(items);
    }

    public DemoServerOptions withDataDir(Path newDataDir) {
        return new DemoServerOptions(port, shape, newDataDir, databaseName, seed, user, password, oddItems);
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
