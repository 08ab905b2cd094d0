package com.counterlink.sync;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas and one store: the light poll's leases on PostgreSQL. This replica's own poller is off; the
 * test plays two replicas taking due stores of two companies.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LightPollLeasesTest extends BackendTest {

    @Inject
    LightPollLeases leases;
    @Inject
    TenantTransactions transactions;

    UUID tenantA = UUID.randomUUID();
    UUID tenantB = UUID.randomUUID();
    UUID siteA = UUID.randomUUID();
    UUID siteB = UUID.randomUUID();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("counterlink.light-poll.enabled", "false");
    }

    @BeforeAll
    void twoCompaniesWithAPolledStoreEach() throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection()) {
            for (UUID[] pair : List.of(new UUID[]{tenantA, siteA}, new UUID[]{tenantB, siteB})) {
                execute(c, "INSERT INTO tenants (id, name, slug, created_by) VALUES (?, 'Leases', ?, 'test')", pair[0],
                        "leases-" + pair[0]);
                execute(c, "INSERT INTO sites (id, tenant_id, name, base_url, status) VALUES (?, ?, 'Shop', ?, 'ACTIVE')",
                        pair[1], pair[0], "https://" + pair[1] + ".example");
            }
        }
        keepOnly(tenantA, List.of(siteA));
        keepOnly(tenantB, List.of(siteB));
    }

    @Test
    void aStoreIsLookedAtByOneReplicaAtATimeAndADeadReplicasStoreIsTakenOverWhenItsLeaseRunsOut() throws SQLException {
        Map<UUID, LightPollLeases.Lease> first = ours(leases.claim("replica-1", 1000, Duration.ofSeconds(60)));
        assertEquals(Set.of(siteA, siteB), first.keySet(), "one query takes the due stores of every company");
        assertEquals(Set.of(), ours(leases.claim("replica-2", 1000, Duration.ofSeconds(60))).keySet(),
                "a leased store is not taken twice");

        leases.release("replica-1", first.get(siteA), Duration.ofSeconds(30), null, 0, null);
        assertFalse(ours(leases.claim("replica-2", 1000, Duration.ofSeconds(60))).containsKey(siteA),
                "handed back, the store is due again only after its interval");
        assertEquals(30_000, intervalMillis(siteA));

        // replica-1 dies holding store B: its lease runs out and replica-2 takes the store
        try (Connection c = SharedPostgres.superuserConnection()) {
            execute(c, "UPDATE light_polls SET leased_until = now() - interval '1 second' WHERE site_id = ?", siteB);
        }
        assertEquals(Set.of(siteB), ours(leases.claim("replica-2", 1000, Duration.ofSeconds(60))).keySet());
        leases.release("replica-1", first.get(siteB), Duration.ofHours(1), null, 0, null);
        assertEquals("replica-2", leasedBy(siteB), "the dead replica's late hand-back changes nothing");
    }

    @Test
    void aStoreThatNoLongerSharesStockLosesItsRowAndACompanySeesOnlyItsOwnRows() throws SQLException {
        UUID tenant = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        try (Connection c = SharedPostgres.superuserConnection()) {
            execute(c, "INSERT INTO tenants (id, name, slug, created_by) VALUES (?, 'Leases', ?, 'test')", tenant,
                    "leases-" + tenant);
            for (UUID site : List.of(kept, dropped)) {
                execute(c, "INSERT INTO sites (id, tenant_id, name, base_url, status) VALUES (?, ?, 'Shop', ?, 'ACTIVE')",
                        site, tenant, "https://" + site + ".example");
            }
        }
        keepOnly(tenant, List.of(kept, dropped));
        keepOnly(tenant, List.of(kept));
        assertEquals(List.of(kept), transactions.inTenant(tenant, null, () -> leases.polled(tenant, JobType.ORDERS)));
        assertEquals(1, SharedPostgres.countAsTenant(tenant.toString(), "SELECT count(*) FROM light_polls"));
        assertEquals(1, SharedPostgres.countAsTenant(tenantA.toString(), "SELECT count(*) FROM light_polls"));
    }

    private void keepOnly(UUID tenant, List<UUID> sites) {
        transactions.inTenant(tenant, null, () -> {
            leases.keepOnly(tenant, JobType.ORDERS, sites, Duration.ofSeconds(3));
            return null;
        });
    }

    private Map<UUID, LightPollLeases.Lease> ours(List<LightPollLeases.Lease> claimed) {
        // the shared database also holds the stores of other test classes
        return claimed.stream().filter(l -> Set.of(siteA, siteB).contains(l.siteId()))
                .collect(Collectors.toMap(LightPollLeases.Lease::siteId, l -> l));
    }

    private static int intervalMillis(UUID site) throws SQLException {
        return (int) single("SELECT interval_ms FROM light_polls WHERE site_id = ?", site);
    }

    private static String leasedBy(UUID site) throws SQLException {
        return (String) single("SELECT leased_by FROM light_polls WHERE site_id = ?", site);
    }

    private static Object single(String sql, Object arg) throws SQLException {
        try (Connection c = SharedPostgres.superuserConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getObject(1);
            }
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
