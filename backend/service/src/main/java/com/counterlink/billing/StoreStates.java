package com.counterlink.billing;

import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Derives stores' billable state from what the other packages keep (the company's status, the store's status
 * and keys, its job switches and saved settings), in the caller's tenant transaction. Reads only.
 */
@Singleton
class StoreStates {

    private static final String QUERY = """
            SELECT s.id, t.status AS company, s.status AS store,
                   s.consumer_key_enc IS NOT NULL AND s.consumer_secret_enc IS NOT NULL AS keys,
                   EXISTS (SELECT 1 FROM catalog_settings c WHERE c.site_id = s.id) AS catalog_saved,
                   s.settings -> 'orders' IS NOT NULL AS orders_saved,
                   coalesce((SELECT string_agg(j.job_type || '=' || j.enabled, ',') FROM job_settings j
                              WHERE j.site_id = s.id), '') AS switches
              FROM sites s JOIN tenants t ON t.id = s.tenant_id
             WHERE s.tenant_id = ?""";

    private final TxSql sql;

    StoreStates(TxSql sql) {
        this.sql = sql;
    }

    Optional<BillableState> of(UUID tenantId, UUID siteId) {
        return sql.queryOne(QUERY + " AND s.id = ?", StoreStates::state, tenantId, siteId);
    }

    /** Every store of the tenant, removed ones too. */
    Map<UUID, BillableState> all(UUID tenantId) {
        Map<UUID, BillableState> states = new LinkedHashMap<>();
        sql.query(QUERY + " ORDER BY s.id", row -> states.put(row.getObject("id", UUID.class), state(row)), tenantId);
        return states;
    }

    private static BillableState state(ResultSet row) throws SQLException {
        Map<JobType, Boolean> switches = new EnumMap<>(JobType.class);
        for (String entry : row.getString("switches").split(",")) {
            if (!entry.isEmpty()) {
                String[] parts = entry.split("=");
                switches.put(JobType.valueOf(parts[0]), Boolean.parseBoolean(parts[1]));
            }
        }
        return BillableState.derive(row.getString("company"), row.getString("store"), row.getBoolean("keys"), switches,
                row.getBoolean("catalog_saved"), row.getBoolean("orders_saved"));
    }
}
