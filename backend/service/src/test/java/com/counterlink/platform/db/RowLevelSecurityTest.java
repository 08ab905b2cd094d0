package com.counterlink.platform.db;

import com.counterlink.testing.ApiClient;
import com.counterlink.testing.BackendTest;
import com.counterlink.testing.SharedKeycloak;
import com.counterlink.testing.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database's own wall: what the application role can see and change, tenant by tenant. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest extends BackendTest {

    @Inject
    EmbeddedServer server;

    UUID tenantA;
    UUID tenantB;

    @BeforeAll
    void twoTenants() {
        ApiClient api = new ApiClient(server.getURL());
        tenantA = UUID.fromString(api.post("/api/tenants", SharedKeycloak.token(SharedKeycloak.createUser("rls-a")),
                "{\"name\":\"RLS A\"}").json().get("id").asText());
        tenantB = UUID.fromString(api.post("/api/tenants", SharedKeycloak.token(SharedKeycloak.createUser("rls-b")),
                "{\"name\":\"RLS B\"}").json().get("id").asText());
    }

    @Test
    void everyTableWithATenantIdHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
        List<String> unguarded = new ArrayList<>();
        try (Connection c = SharedPostgres.superuserConnection(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT t.relname, t.relrowsecurity, t.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = t.oid) AS policies
                FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relkind = 'r'
                  AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id')
                       OR t.relname = 'tenants')""")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || rs.getInt(4) == 0) {
                    unguarded.add(rs.getString(1));
                }
            }
            assertTrue(tables >= 8, "expected the tenant tables, found " + tables);
        }
        assertEquals(List.of(), unguarded, "tables without forced RLS");
    }

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection c = SharedPostgres.appConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertFalse(rs.getBoolean(1), "app role is a superuser");
            assertFalse(rs.getBoolean(2), "app role bypasses RLS");
        }
    }

    @Test
    void withNoTenantSetAQuerySeesNoRows() throws SQLException {
        try (Connection c = SharedPostgres.appConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("tenants", "members", "audit_events", "sites", "bridges", "sync_runs")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), table + " leaked rows without a tenant");
                }
            }
        }
        try (Connection owner = SharedPostgres.superuserConnection(); ResultSet rs = owner.createStatement()
                .executeQuery("SELECT count(*) FROM audit_events")) {
            rs.next();
            assertTrue(rs.getLong(1) >= 2, "the rows do exist");
        }
    }

    @Test
    void tenantASeesOnlyItsOwnRows() throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            scope(c, tenantA);
            assertEquals(List.of(tenantA.toString()), column(c, "SELECT id FROM tenants"));
            assertEquals(List.of(tenantA.toString()), column(c, "SELECT DISTINCT tenant_id FROM members"));
            assertEquals(List.of(tenantA.toString()), column(c, "SELECT DISTINCT tenant_id FROM audit_events"));
            c.rollback();
        }
    }

    @Test
    void tenantACannotWriteIntoOrChangeTenantB() throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            scope(c, tenantA);
            SQLException insert = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO sites (id, tenant_id, name, base_url) VALUES (?, ?, 'x', 'https://x.example')")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, tenantB);
                    ps.executeUpdate();
                }
            });
            assertTrue(insert.getMessage().contains("row-level security"), insert.getMessage());
            c.rollback();

            scope(c, tenantA);
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenants SET name = 'hijacked' WHERE id = ?")) {
                ps.setObject(1, tenantB);
                assertEquals(0, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM members WHERE tenant_id = ?")) {
                ps.setObject(1, tenantB);
                assertEquals(0, ps.executeUpdate());
            }
            c.commit();
        }
        try (Connection owner = SharedPostgres.superuserConnection(); PreparedStatement ps = owner.prepareStatement(
                "SELECT name, (SELECT count(*) FROM members m WHERE m.tenant_id = t.id) FROM tenants t WHERE id = ?")) {
            ps.setObject(1, tenantB);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("RLS B", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
        }
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplication() throws SQLException {
        try (Connection c = SharedPostgres.appConnection()) {
            c.setAutoCommit(false);
            scope(c, tenantA);
            SQLException denied = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("DELETE FROM audit_events"));
            assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            c.rollback();
        }
    }

    private static void scope(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
