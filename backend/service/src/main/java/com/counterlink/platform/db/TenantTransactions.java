package com.counterlink.platform.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The only way application code reaches tenant data: a transaction in which PostgreSQL knows the
 * tenant (and the person) through {@code SET LOCAL}-scoped settings that the row-level-security
 * policies read. Outside such a transaction the policies show no rows at all.
 */
@Singleton
public class TenantTransactions {

    private static final String SCOPE = "SELECT set_config('app.tenant_id', ?, true), set_config('app.subject', ?, true)";
    private static final String RELAXED_SCOPE = SCOPE + ", set_config('synchronous_commit', 'off', true)";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Work inside one tenant; {@code subject} may be null for background jobs. */
    public <T> T inTenant(UUID tenantId, String subject, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            scope(status.getConnection(), tenantId.toString(), subject);
            return work.get();
        });
    }

    /**
     * Work inside one tenant whose writes a database crash may lose without harm (leases, nonces,
     * last-seen times, queued tasks): the commit does not wait for the WAL flush unless the work asks
     * for it ({@link TxSql#requireDurability()}). Set in the statement that scopes the transaction, so
     * it costs no extra round trip on the bridge channel's hot path.
     */
    public <T> T inTenantRelaxed(UUID tenantId, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            scope(status.getConnection(), tenantId.toString(), null, RELAXED_SCOPE);
            return work.get();
        });
    }

    /** Work as a person before a tenant is chosen: they see only their own memberships and tenants. */
    public <T> T asPerson(String subject, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            scope(status.getConnection(), null, subject);
            return work.get();
        });
    }

    /**
     * Our staff's read-only view of the tenant directory. Call only after checking the person's
     * vendor role; it opens nothing but tenant names and statuses.
     */
    public <T> T asVendorStaff(String subject, Supplier<T> work) {
        return transactions.executeRead(status -> {
            staffScope(status.getConnection(), subject);
            return work.get();
        });
    }

    /**
     * The light poller taking its due stores of every tenant (table {@code light_polls}, nothing else): no tenant
     * is set, and a lost commit only delays a poll, so it does not wait for the WAL flush.
     */
    public <T> T asLightPoller(Supplier<T> work) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT set_config('app.tenant_id', '', true), set_config('app.light_poller', 'on', true),"
                            + " set_config('synchronous_commit', 'off', true)")) {
                statement.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not open the light polls", e);
            }
            return work.get();
        });
    }

    /**
     * The billing meter's daily reconcile finding every tenant's id (table {@code tenants}, read only, nothing
     * else); it then works in each tenant with {@link #inTenant}.
     */
    public <T> T asBillingMeter(Supplier<T> work) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "SELECT set_config('app.tenant_id', '', true), set_config('app.billing_meter', 'on', true)")) {
                statement.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not open the tenant list for the billing meter", e);
            }
            return work.get();
        });
    }

    /**
     * Our staff's own records outside any tenant (the staff audit trail, which the application may
     * append to and not read). Call only after checking the person's vendor role.
     */
    public <T> T recordingVendorStaff(String subject, Supplier<T> work) {
        return transactions.executeWrite(status -> {
            staffScope(status.getConnection(), subject);
            return work.get();
        });
    }

    private static void staffScope(Connection connection, String subject) {
        scope(connection, null, subject);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('app.vendor_staff', 'on', true)")) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the staff directory", e);
        }
    }

    private static void scope(Connection connection, String tenantId, String subject) {
        scope(connection, tenantId, subject, SCOPE);
    }

    private static void scope(Connection connection, String tenantId, String subject, String scopeSql) {
        try (PreparedStatement statement = connection.prepareStatement(scopeSql)) {
            statement.setString(1, tenantId == null ? "" : tenantId);
            statement.setString(2, subject == null ? "" : subject);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not scope the transaction to the tenant", e);
        }
    }
}
