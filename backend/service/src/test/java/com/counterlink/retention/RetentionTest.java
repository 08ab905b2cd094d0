package com.counterlink.retention;

import com.counterlink.testing.BackendTest;
import com.counterlink.testing.Eventually;
import com.counterlink.testing.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly retention pass: what goes (history past its age, table by table), what never goes (work still in
 * progress, order data), how (small batches, one pass at a time, every delete through an index) and that JobRunr
 * runs it. Rows are laid in with a superuser and read back the same way: above row-level security, to see what is
 * really left.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest extends BackendTest {

    private static final int TEST_BATCH = 3;

    @Inject
    RetentionJob job;

    @Inject
    RetentionRules rules;

    @Inject
    RetentionDatabase database;

    @Inject
    RetentionSettings settings;

    @Inject
    StorageProvider jobStorage;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "counterlink.retention.enabled", "true",
                "counterlink.retention.batch-size", String.valueOf(TEST_BATCH),
                "counterlink.retention.pause", "1ms");
    }

    /** A big tenant's recent history: the realistic table the deletes must not scan. */
    private Company busy;

    @BeforeAll
    void aBusyTenantWithRecentHistory() throws SQLException {
        busy = Company.create("busy");
        try (Connection c = SharedPostgres.superuserConnection(); Statement s = c.createStatement()) {
            String t = "'" + busy.tenant + "'";
            String site = "'" + busy.site + "'";
            String recent = "now() - g * interval '100 milliseconds'";
            s.execute("INSERT INTO sync_runs (id, tenant_id, site_id, job_type, run_trigger, status, started_at, finished_at) "
                    + "SELECT gen_random_uuid(), " + t + ", " + site + ", 'INVENTORY', 'SCHEDULE', 'SUCCEEDED', " + recent + ", "
                    + recent + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO sync_run_items (tenant_id, run_id, item_key, outcome, created_at) "
                    + "SELECT tenant_id, id, 'ITEM-1', 'UPDATED', started_at FROM sync_runs WHERE tenant_id = " + t);
            s.execute("INSERT INTO bridge_tasks (id, tenant_id, operation, params, state, deadline_at, created_at, finished_at) "
                    + "SELECT gen_random_uuid(), " + t + ", 'PING', '{}', 'DONE', now() + interval '1 day', " + recent + ", "
                    + recent + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO webhook_hints (tenant_id, site_id, topic, resource_id, received_at, consumed_at) "
                    + "SELECT " + t + ", " + site + ", 'order.updated', g, " + recent + ", " + recent
                    + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO bridge_nonces (tenant_id, bridge_id, nonce, seen_at) SELECT " + t + ", '" + busy.bridge
                    + "', 'n' || g, " + recent + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO audit_events (tenant_id, occurred_at, actor_subject, action) SELECT " + t + ", " + recent
                    + ", 'someone', 'store.updated' FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO staff_audit_events (occurred_at, staff_subject, action) SELECT " + recent
                    + ", 'staff', 'support.directory.searched' FROM generate_series(1, 20000) g");
            for (RetentionRule rule : rules.all()) {
                s.execute("ANALYZE " + rule.table());
            }
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(Duration.ofDays(30), settings.getRunItems());
        assertEquals(Duration.ofDays(90), settings.getRuns());
        assertEquals(Duration.ofDays(7), settings.getBridgeTasks());
        assertEquals(Duration.ofDays(7), settings.getWebhookHints());
        assertEquals(Duration.ofDays(1), settings.getBridgeNonces());
        assertEquals(Duration.ofDays(730), settings.getAuditEvents());
        assertEquals(Duration.ofDays(730), settings.getStaffAuditEvents());
        assertEquals("17 * * * *", settings.getSchedule());
    }

    @Test
    void runItemsOlderThan30DaysGoAndNewerOnesStay() throws SQLException {
        Company company = Company.create("items");
        UUID run = company.run("SUCCEEDED", days(40));
        long old = company.item(run, days(31));
        long recent = company.item(run, days(29));

        runPass();

        assertFalse(exists("sync_run_items", old), "a 31-day-old item is deleted");
        assertTrue(exists("sync_run_items", recent), "a 29-day-old item stays");
        assertTrue(exists("sync_runs", run), "the run itself stays: it keeps its counts for 90 days");
    }

    @Test
    void runsOlderThan90DaysGoWithTheirItemsAndNewerOnesStay() throws SQLException {
        Company company = Company.create("runs");
        UUID old = company.run("SUCCEEDED", days(91));
        UUID waited = company.run("WAITING_FOR_BRIDGE", days(95));
        UUID recent = company.run("FAILED", days(89));
        long itemOfRecent = company.item(recent, days(29));

        runPass();

        assertFalse(exists("sync_runs", old), "a 91-day-old run is deleted");
        assertFalse(exists("sync_runs", waited), "a finished run that waited for the bridge is history like any other");
        assertTrue(exists("sync_runs", recent), "an 89-day-old run stays");
        assertTrue(exists("sync_run_items", itemOfRecent));
    }

    @Test
    void finishedBridgeTasksOlderThan7DaysGoAndNewerOnesStay() throws SQLException {
        Company company = Company.create("tasks");
        UUID done = company.task("DONE", days(8));
        UUID failed = company.task("FAILED", days(8));
        UUID recent = company.task("DONE", days(6));

        runPass();

        assertFalse(exists("bridge_tasks", done));
        assertFalse(exists("bridge_tasks", failed));
        assertTrue(exists("bridge_tasks", recent), "a task finished 6 days ago stays");
    }

    @Test
    void consumedWebhookHintsOlderThan7DaysGoAndNewerOnesStay() throws SQLException {
        Company company = Company.create("hints");
        long old = company.hint(days(8), true);
        long recent = company.hint(days(6), true);

        runPass();

        assertFalse(exists("webhook_hints", old));
        assertTrue(exists("webhook_hints", recent), "a hint received 6 days ago stays: its body still refuses a replay");
    }

    @Test
    void bridgeNoncesOlderThanADayGoAndNewerOnesStay() throws SQLException {
        Company company = Company.create("nonces");
        company.nonce("old-nonce", Duration.ofHours(25));
        company.nonce("recent-nonce", Duration.ofHours(23));

        runPass();

        assertEquals(List.of("recent-nonce"), company.nonces());
    }

    @Test
    void auditEventsOlderThanTwoYearsGoAndNewerOnesStay() throws SQLException {
        Company company = Company.create("audit");
        long old = company.audit(days(731));
        long recent = company.audit(days(729));
        long oldStaff = staffAudit(days(731));
        long recentStaff = staffAudit(days(729));

        runPass();

        assertFalse(exists("audit_events", old));
        assertTrue(exists("audit_events", recent));
        assertFalse(exists("staff_audit_events", oldStaff));
        assertTrue(exists("staff_audit_events", recentStaff));
    }

    @Test
    void workStillInProgressIsNeverDeletedHowEverOld() throws SQLException {
        Company company = Company.create("in-progress");
        UUID running = company.run("RUNNING", days(200));
        long itemOfRunning = company.item(running, days(200));
        long unconsumed = company.hint(days(60), false);
        UUID queued = company.task("QUEUED", days(60));
        UUID leased = company.task("LEASED", days(60));

        runPass();

        assertTrue(exists("sync_runs", running), "a run still RUNNING stays");
        assertTrue(exists("sync_run_items", itemOfRunning), "the items of a running run stay");
        assertTrue(exists("webhook_hints", unconsumed), "a hint no job has taken yet stays");
        assertTrue(exists("bridge_tasks", queued), "a queued task stays");
        assertTrue(exists("bridge_tasks", leased), "a task a bridge is working on stays");
    }

    @Test
    void webOrdersAndTheirLedgerAreNeverDeleted() throws SQLException {
        Company company = Company.create("orders");
        UUID order = company.order(days(3 * 365));

        runPass();

        assertTrue(exists("web_orders", order), "a three-year-old order is the retailer's record");
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM web_order_transitions WHERE order_id = ?")) {
            count.setObject(1, order);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getLong(1));
            }
        }
    }

    @Test
    void aBatchDeletesAtMostTheBatchSizeAndAPassGoesOnUntilNoneIsLeft() throws SQLException {
        Company company = Company.create("batches");
        UUID run = company.run("SUCCEEDED", days(40));
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 3 * TEST_BATCH + 1; i++) {
            items.add(company.item(run, days(31)));
        }
        RetentionRule itemsRule = rule("sync_run_items");

        int first = database.deleteBatch(itemsRule, company.tenant, Instant.now().minus(itemsRule.keep()), TEST_BATCH);
        assertEquals(TEST_BATCH, first, "one statement deletes one batch");

        RetentionResult result = runPass();

        for (long item : items) {
            assertFalse(exists("sync_run_items", item), "every old item is gone after one pass");
        }
        assertTrue(result.deletedFrom("sync_run_items") >= items.size() - TEST_BATCH);
        assertEquals(0, result.failures());
    }

    @Test
    void aPassWhileAnotherHoldsTheLockDoesNothing() throws Exception {
        Company company = Company.create("locked");
        UUID old = company.task("DONE", days(8));
        try (Connection other = SharedPostgres.ownerConnection();
             PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RetentionLock.KEY);
            lock.execute();

            assertEquals(Optional.empty(), job.runOnce(), "a second pass at the same time is skipped");
            assertTrue(exists("bridge_tasks", old));
        }
        runPass();
        assertFalse(exists("bridge_tasks", old));
    }

    @Test
    void theJobIsOnJobRunrHourlyAndJobRunrRunsIt() throws Exception {
        RecurringJob recurring = jobStorage.getRecurringJobs().stream()
                .filter(candidate -> RetentionSchedule.JOB_ID.equals(candidate.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no recurring retention job"));
        assertEquals("17 * * * *", recurring.getScheduleExpression());
        assertEquals(ZoneOffset.UTC.getId(), recurring.getZoneId(), "minute 17 of every hour, UTC");

        Company company = Company.create("jobrunr");
        UUID old = company.task("DONE", days(8));
        jobStorage.save(recurring.toEnqueuedJob());

        Eventually.until(Duration.ofSeconds(60), "JobRunr runs the retention pass", () -> !exists("bridge_tasks", old));
    }

    @Test
    void everyDeleteFindsItsRowsThroughAnIndex() throws SQLException {
        Map<String, String> indexes = Map.of(
                "sync_run_items", "sync_run_items_created_idx",
                "sync_runs", "sync_runs_started_idx",
                "bridge_tasks", "bridge_tasks_finished_tenant_idx",
                "webhook_hints", "webhook_hints_consumed_idx",
                "bridge_nonces", "bridge_nonces_seen_idx",
                "audit_events", "audit_events_tenant_idx",
                "staff_audit_events", "staff_audit_events_occurred_idx");
        for (RetentionRule rule : rules.all()) {
            String plan = explain(rule, busy.tenant);
            assertFalse(plan.contains("Seq Scan"), rule.table() + " is scanned:\n" + plan);
            assertTrue(plan.contains("Index Scan using " + indexes.get(rule.table()))
                            || plan.contains("Bitmap Index Scan on " + indexes.get(rule.table())),
                    rule.table() + " does not use " + indexes.get(rule.table()) + ":\n" + plan);
        }
    }

    /**
     * Why every other table is left alone. A new table fails this test until it has a retention rule or a reason
     * here (and in docs/operations.md, "Retention").
     */
    private static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("tenants", "one row per company"),
            Map.entry("members", "one row per person in a company"),
            Map.entry("invitations", "a few per company, made by people"),
            Map.entry("support_sessions", "a few per company, the company's record of who looked in"),
            Map.entry("sites", "one row per store"),
            Map.entry("site_webhooks", "one row per store and topic"),
            Map.entry("job_settings", "one row per store and job"),
            Map.entry("sync_follow_ups", "at most one row per store and job"),
            Map.entry("light_polls", "one row per store and job"),
            Map.entry("sync_watermarks", "one row per store and job"),
            Map.entry("order_watermarks", "one row per store"),
            Map.entry("order_tenant_settings", "one row per company"),
            Map.entry("catalog_settings", "one row per store"),
            Map.entry("catalog_links", "one row per item (and grid cell) per store: the catalog's size"),
            Map.entry("catalog_categories", "one row per web category per store"),
            Map.entry("catalog_rechecks", "at most one row per item per store and job, cleared by the next run"),
            Map.entry("bridges", "one row per bridge installed"),
            Map.entry("bridge_enrollment_tokens", "a few per company, made by people"),
            Map.entry("web_orders", "order data: the retailer's record"),
            Map.entry("web_order_lines", "order data: the retailer's record"),
            Map.entry("web_order_transitions", "order data: the retailer's record"),
            Map.entry("allocations", "order data: the retailer's record"),
            Map.entry("customer_identities", "one row per customer"),
            Map.entry("billing_store_states", "a row only when a store's billable state changes: the record a bill is explained by"),
            Map.entry("billing_plans", "every price ever set, a few rows in all"));

    @Test
    void everyTableEitherHasARetentionRuleOrAReasonToKeepEveryRow() throws SQLException {
        List<String> pruned = rules.all().stream().map(RetentionRule::table).toList();
        List<String> undecided = new ArrayList<>();
        try (Connection c = SharedPostgres.superuserConnection(); ResultSet tables = c.createStatement().executeQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'jobrunr%' "
                        + "AND c.relname <> 'flyway_schema_history' ORDER BY c.relname")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (!pruned.contains(table) && !KEPT.containsKey(table)) {
                    undecided.add(table);
                }
            }
        }
        assertEquals(List.of(), undecided, "tables with no retention decision");
    }

    /** The plan of one production-sized batch, as the login that runs it sees the table (row-level security on). */
    private static String explain(RetentionRule rule, UUID tenantId) throws SQLException {
        boolean owner = rule.login() != RetentionRule.Login.APP_IN_TENANT;
        try (Connection c = owner ? SharedPostgres.ownerConnection() : SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            try (Statement scope = c.createStatement()) {
                scope.execute(rule.perTenant()
                        ? "SELECT set_config('app.tenant_id', '" + tenantId + "', true)"
                        : "SELECT set_config('app.retention', 'on', true)");
            }
            Object[] args = rule.deleteArgs(tenantId, Instant.now().minus(rule.keep()), 5_000);
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + rule.deleteSql())) {
                for (int i = 0; i < args.length; i++) {
                    explain.setObject(i + 1, args[i] instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : args[i]);
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    /** One pass; waits while one JobRunr started (the recurring job or the test that enqueues it) holds the lock. */
    private RetentionResult runPass() {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            Optional<RetentionResult> result = job.runOnce();
            if (result.isPresent()) {
                return result.get();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the pass was skipped for a minute");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private RetentionRule rule(String table) {
        return rules.all().stream().filter(rule -> rule.table().equals(table)).findFirst().orElseThrow();
    }

    private static Instant days(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private static boolean exists(String table, Object id) {
        try (Connection c = SharedPostgres.superuserConnection();
             PreparedStatement query = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long staffAudit(Instant at) throws SQLException {
        return insertReturningId("INSERT INTO staff_audit_events (occurred_at, staff_subject, action) "
                + "VALUES (?, 'staff', 'support.directory.searched') RETURNING id", at);
    }

    private static long insertReturningId(String sql, Object... args) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            bind(insert, args);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i] instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : args[i]);
        }
    }

    /** A company with one store and one bridge, laid in directly. */
    private record Company(UUID tenant, UUID site, UUID bridge) {

        static Company create(String name) throws SQLException {
            Company company = new Company(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            execute("INSERT INTO tenants (id, name, slug, created_by) VALUES (?, ?, ?, 'test')",
                    company.tenant, "Retention " + name, "retention-" + name + "-" + company.tenant);
            execute("INSERT INTO sites (id, tenant_id, name, base_url) VALUES (?, ?, 'Shop', ?)",
                    company.site, company.tenant, "https://" + company.site + ".example");
            execute("INSERT INTO bridges (id, tenant_id, name, public_key) VALUES (?, ?, 'Bridge', 'key')",
                    company.bridge, company.tenant);
            return company;
        }

        UUID run(String status, Instant startedAt) throws SQLException {
            UUID id = UUID.randomUUID();
            execute("INSERT INTO sync_runs (id, tenant_id, site_id, job_type, run_trigger, status, started_at, finished_at) "
                            + "VALUES (?, ?, ?, 'INVENTORY', 'SCHEDULE', ?, ?, ?)",
                    id, tenant, site, status, startedAt, status.equals("RUNNING") ? null : startedAt);
            return id;
        }

        long item(UUID run, Instant createdAt) throws SQLException {
            return insertReturningId("INSERT INTO sync_run_items (tenant_id, run_id, item_key, outcome, created_at) "
                    + "VALUES (?, ?, 'ITEM-1', 'UPDATED', ?) RETURNING id", tenant, run, createdAt);
        }

        UUID task(String state, Instant createdAt) throws SQLException {
            UUID id = UUID.randomUUID();
            boolean finished = state.equals("DONE") || state.equals("FAILED");
            execute("INSERT INTO bridge_tasks (id, tenant_id, operation, params, state, deadline_at, created_at, finished_at) "
                            + "VALUES (?, ?, 'PING', '{}', ?, ?, ?, ?)",
                    id, tenant, state, createdAt.plusSeconds(60), createdAt, finished ? createdAt.plusSeconds(1) : null);
            return id;
        }

        long hint(Instant receivedAt, boolean consumed) throws SQLException {
            return insertReturningId("INSERT INTO webhook_hints (tenant_id, site_id, topic, resource_id, received_at, consumed_at) "
                    + "VALUES (?, ?, 'order.updated', 7, ?, ?) RETURNING id", tenant, site, receivedAt,
                    consumed ? receivedAt.plusSeconds(5) : null);
        }

        void nonce(String nonce, Duration age) throws SQLException {
            execute("INSERT INTO bridge_nonces (tenant_id, bridge_id, nonce, seen_at) VALUES (?, ?, ?, ?)",
                    tenant, bridge, nonce, Instant.now().minus(age));
        }

        List<String> nonces() throws SQLException {
            try (Connection c = SharedPostgres.superuserConnection();
                 PreparedStatement query = c.prepareStatement("SELECT nonce FROM bridge_nonces WHERE bridge_id = ? ORDER BY nonce")) {
                query.setObject(1, bridge);
                List<String> nonces = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        nonces.add(rows.getString(1));
                    }
                }
                return nonces;
            }
        }

        long audit(Instant at) throws SQLException {
            return insertReturningId("INSERT INTO audit_events (tenant_id, occurred_at, actor_subject, action) "
                    + "VALUES (?, ?, 'someone', 'store.updated') RETURNING id", tenant, at);
        }

        UUID order(Instant receivedAt) throws SQLException {
            UUID id = UUID.randomUUID();
            execute("INSERT INTO web_orders (id, tenant_id, site_id, woo_order_id, woo_number, woo_status, state, total, "
                            + "total_tax, shipping_total, fee_total, discount_total, order_key, received_at, updated_at) "
                            + "VALUES (?, ?, ?, 1, '1', 'completed', 'POSTED', 10, 0, 0, 0, 0, ?, ?, ?)",
                    id, tenant, site, "wc_order_" + id, receivedAt, receivedAt);
            execute("INSERT INTO web_order_transitions (tenant_id, order_id, from_state, to_state, reason, at) "
                    + "VALUES (?, ?, 'WRITTEN', 'POSTED', 'posted', ?)", tenant, id, receivedAt);
            return id;
        }
    }
}
