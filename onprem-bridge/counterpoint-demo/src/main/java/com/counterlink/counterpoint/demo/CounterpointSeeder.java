package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Fills an installed Counterpoint-shaped schema with a demo company. The same seed, item count and
 * clock always give the same data, so tests, demos and benchmarks are repeatable.
 */
public final class CounterpointSeeder {
    public static final long DEFAULT_SEED = 20_240_601L;

    private final long seed;
    private final Clock clock;

    public CounterpointSeeder(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    public CounterpointSeeder() {
        this(DEFAULT_SEED, Clock.systemDefaultZone());
    }

    public record SeedSummary(int items, int griddedItems, int ecommerceItems, long gridCells, int customers, Duration took) {
    }

    /** One customer for every four items, at least 30, so e-mail edge cases always appear. */
    public static int customerCountFor(int itemCount) {
        return Math.max(30, itemCount / 4);
    }

    public SeedSummary seed(Connection connection, int itemCount) throws SQLException {
        if (itemCount < 1) {
            throw new IllegalArgumentException("item count must be at least 1, was " + itemCount);
        }
        return seed(connection, new CatalogShape.DemoMix(itemCount));
    }

    public SeedSummary seed(Connection connection, CatalogShape shape) throws SQLException {
        int itemCount = shape.items();
        long started = System.nanoTime();
        // Counterpoint writes LST_MAINT_DT in the store's local time; RS_UTC_DT comes from the triggers.
        LocalDateTime maintained = LocalDateTime.now(clock);
        Random random = new Random(seed);
        CatalogSeeder.Counts catalog = Transactions.call(connection, () -> {
            new SetupSeeder(maintained).seed(connection);
            new PromotionSeeder(maintained).seed(connection);
            return new CatalogSeeder(random, maintained).seed(connection, shape);
        });
        int customers = Transactions.call(connection,
                () -> new CustomerSeeder(random, maintained).seed(connection, customerCountFor(itemCount)));
        return new SeedSummary(catalog.items(), catalog.griddedItems(), catalog.ecommerceItems(), catalog.cells(),
                customers, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Seeds an in-memory H2 database to measure seeding speed: {@code [items]}, default 50,000. */
    public static void main(String[] args) throws SQLException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (Connection connection = DriverManager.getConnection(H2Urls.inMemory("seed-benchmark"))) {
            CounterpointSchema.install(connection, Dialect.H2_MSSQL);
            SeedSummary summary = new CounterpointSeeder().seed(connection, items);
            System.out.println("Seeded " + summary);
        }
    }
}
