package com.counterlink.billing;

import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stores' billable-state history ({@code billing_store_states}), append-only, in the caller's tenant transaction. */
@Singleton
class MeterHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The second key of the billing meter's per-store advisory locks (the sync jobs' locks use 0x5C00 + job). */
    private static final int LOCK_SPACE = 0xB111;
    private static final String COLUMNS = "id, site_id, changed_at, billable, reason, state";

    private final TxSql sql;

    MeterHistory(TxSql sql) {
        this.sql = sql;
    }

    /** Until the transaction ends, no one else records this store: reading the last row and appending stay one step. */
    void lock(UUID siteId) {
        sql.query("SELECT pg_advisory_xact_lock(?, ?)", row -> null, siteId.hashCode(), LOCK_SPACE);
    }

    Optional<Boolean> lastBillable(UUID siteId) {
        return sql.queryOne("SELECT billable FROM billing_store_states WHERE site_id = ? ORDER BY id DESC LIMIT 1",
                row -> row.getBoolean(1), siteId);
    }

    Map<UUID, Boolean> lastBillableOfEveryStore() {
        Map<UUID, Boolean> last = new HashMap<>();
        sql.query("SELECT DISTINCT ON (site_id) site_id, billable FROM billing_store_states ORDER BY site_id, id DESC",
                row -> last.put(row.getObject(1, UUID.class), row.getBoolean(2)));
        return last;
    }

    void append(UUID tenantId, UUID siteId, Instant at, BillableState state, BillingReason reason) {
        sql.update("INSERT INTO billing_store_states (tenant_id, site_id, changed_at, billable, reason, state) "
                        + "VALUES (?, ?, ?, ?, ?, ?::jsonb)",
                tenantId, siteId, at, state.billable(), reason.name(), json(state));
    }

    /** The rows that explain [from, to): each store's last row before {@code from}, then every row inside, in order. */
    List<StateChange> changesFor(Instant from, Instant to) {
        return sql.query("""
                SELECT * FROM (
                    SELECT DISTINCT ON (site_id) %1$s FROM billing_store_states WHERE changed_at < ?
                     ORDER BY site_id, changed_at DESC, id DESC) AS earlier
                UNION ALL
                SELECT %1$s FROM billing_store_states WHERE changed_at >= ? AND changed_at < ?
                ORDER BY site_id, changed_at, id""".formatted(COLUMNS), MeterHistory::change, from, from, to);
    }

    Optional<Instant> firstBillableAt() {
        return sql.queryOne("SELECT changed_at AS first FROM billing_store_states WHERE billable ORDER BY changed_at LIMIT 1",
                row -> TxSql.instant(row, "first"));
    }

    List<UUID> billableNow() {
        return lastBillableOfEveryStore().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static StateChange change(ResultSet row) throws SQLException {
        return new StateChange(row.getLong("id"), row.getObject("site_id", UUID.class), TxSql.instant(row, "changed_at"),
                row.getBoolean("billable"), BillingReason.valueOf(row.getString("reason")), state(row.getString("state")));
    }

    private static BillableState state(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<JobType> jobs = new ArrayList<>();
            node.path("jobsOn").forEach(job -> jobs.add(JobType.valueOf(job.asText())));
            return new BillableState(node.path("company").asText(), node.path("store").asText(),
                    node.path("keys").asBoolean(), jobs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable billing state " + json, e);
        }
    }

    private static String json(BillableState state) {
        try {
            return JSON.writeValueAsString(state.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
