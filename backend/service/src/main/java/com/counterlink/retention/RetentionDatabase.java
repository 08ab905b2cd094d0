package com.counterlink.retention;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How the pass reaches the rows, always under row-level security (forced on the owner too): a tenant's rows inside
 * that tenant's transaction, through the application login where it may delete and through the owner login for
 * the audit trails, which are append-only for the application. Each batch is a transaction of its own.
 */
@Singleton
class RetentionDatabase {

    private static final String TENANT_SCOPE = "SELECT set_config('app.tenant_id', ?, true)";
    private static final String PASS_SCOPE = "SELECT set_config('app.tenant_id', '', true), set_config('app.retention', 'on', true)";

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final DataSource owner;

    RetentionDatabase(TenantTransactions transactions, TxSql sql, @Named("owner") DataSource owner) {
        this.transactions = transactions;
        this.sql = sql;
        this.owner = DelegatingDataSource.unwrapDataSource(owner);
    }

    /** Every tenant's id, whatever its status: a closed company's history ages out like any other. */
    List<UUID> tenantIds() {
        return asOwner(PASS_SCOPE, null, connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM tenants ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /** Deletes at most {@code limit} rows the rule lets go; answers how many went. */
    int deleteBatch(RetentionRule rule, UUID tenantId, Instant cutoff, int limit) {
        Object[] args = rule.deleteArgs(tenantId, cutoff, limit);
        return switch (rule.login()) {
            case APP_IN_TENANT -> transactions.inTenant(tenantId, null, () -> sql.update(rule.deleteSql(), args));
            case OWNER_IN_TENANT -> asOwner(TENANT_SCOPE, tenantId.toString(), connection -> update(connection, rule.deleteSql(), args));
            case OWNER_GLOBAL -> asOwner(PASS_SCOPE, null, connection -> update(connection, rule.deleteSql(), args));
        };
    }

    private interface OwnerWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T asOwner(String scopeSql, String scopeArg, OwnerWork<T> work) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement scope = connection.prepareStatement(scopeSql)) {
                    if (scopeArg != null) {
                        scope.setString(1, scopeArg);
                    }
                    scope.execute();
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    private static int update(Connection connection, String statementSql, Object[] args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
                statement.setObject(i + 1, arg);
            }
            return statement.executeUpdate();
        }
    }
}
