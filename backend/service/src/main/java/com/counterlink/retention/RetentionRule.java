package com.counterlink.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one table keeps: rows whose {@code timeColumn} is older than {@code keep} go, unless {@code guard} (SQL over
 * the row, may be null) says the row is still in use. {@code login} says who deletes them.
 */
record RetentionRule(String table, Duration keep, String timeColumn, String guard, Login login) {

    enum Login {
        /** The application login inside the tenant's transaction: row-level security as for every other query. */
        APP_IN_TENANT,
        /** The owner login inside the tenant's transaction: tables the application may only append to. */
        OWNER_IN_TENANT,
        /** The owner login, in a transaction marked as the retention pass: tables that belong to no tenant. */
        OWNER_GLOBAL
    }

    boolean perTenant() {
        return login != Login.OWNER_GLOBAL;
    }

    /**
     * One batch: the rows are chosen through the table's retention index ({@code tenant_id, time}) and deleted by
     * their physical address. The condition is repeated on the delete itself, so a row changed meanwhile (a run
     * that is running again, a hint no longer consumed) is re-checked and kept.
     */
    String deleteSql() {
        String where = where();
        return "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table + " WHERE " + where
                + " LIMIT ?)) AND " + where;
    }

    Object[] deleteArgs(UUID tenantId, Instant cutoff, int limit) {
        List<Object> args = new ArrayList<>(whereArgs(tenantId, cutoff));
        args.add(limit);
        args.addAll(whereArgs(tenantId, cutoff));
        return args.toArray();
    }

    private String where() {
        String where = (perTenant() ? "tenant_id = ? AND " : "") + timeColumn + " < ?";
        return guard == null ? where : where + " AND " + guard;
    }

    private List<Object> whereArgs(UUID tenantId, Instant cutoff) {
        return perTenant() ? List.of(tenantId, cutoff) : List.of(cutoff);
    }
}
