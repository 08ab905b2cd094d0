package com.counterlink.billing;

import com.counterlink.platform.db.TxSql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plan history ({@code billing_plans}), in the caller's transaction. */
@Singleton
public class Plans {

    private static final String COLUMNS = "id, effective_from, currency, unit_amount, trial_days, grace_days, created_at, "
            + "created_by, created_by_email";

    private final TxSql sql;

    public Plans(TxSql sql) {
        this.sql = sql;
    }

    /** The plan that prices a period starting at {@code at}: the newest one effective by then. */
    public Optional<Plan> inEffectAt(Instant at) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM billing_plans WHERE effective_from <= ? "
                + "ORDER BY effective_from DESC, id DESC LIMIT 1", Plans::plan, at);
    }

    /** Newest first. */
    public List<Plan> history() {
        return sql.query("SELECT " + COLUMNS + " FROM billing_plans ORDER BY id DESC", Plans::plan);
    }

    /** Needs a transaction opened for our staff: the table's policy admits no one else's rows. */
    Plan add(Instant effectiveFrom, String currency, long unitAmount, int trialDays, int graceDays, String createdBy,
             String createdByEmail) {
        return sql.queryOne("INSERT INTO billing_plans (effective_from, currency, unit_amount, trial_days, grace_days, "
                        + "created_by, created_by_email) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, Plans::plan,
                effectiveFrom, currency, unitAmount, trialDays, graceDays, createdBy, createdByEmail).orElseThrow();
    }

    private static Plan plan(ResultSet row) throws SQLException {
        return new Plan(row.getLong("id"), TxSql.instant(row, "effective_from"), row.getString("currency"),
                row.getLong("unit_amount"), row.getInt("trial_days"), row.getInt("grace_days"),
                TxSql.instant(row, "created_at"), row.getString("created_by"), row.getString("created_by_email"));
    }
}
