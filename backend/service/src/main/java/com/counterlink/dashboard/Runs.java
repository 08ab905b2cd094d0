package com.counterlink.dashboard;

import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunStatus;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncRun;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads sync runs with plain SQL (the dashboard's queries pick runs across every store at once). */
final class Runs {

    static final String COLUMNS = "id, tenant_id, site_id, job_type, run_trigger, status, status_reason, started_at, "
            + "finished_at, items_read, items_created, items_updated, items_unchanged, items_failed";

    private Runs() {
    }

    static SyncRun map(ResultSet row) throws SQLException {
        return new SyncRun(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getObject("site_id", UUID.class), JobType.valueOf(row.getString("job_type")),
                RunTrigger.valueOf(row.getString("run_trigger")), RunStatus.valueOf(row.getString("status")),
                row.getString("status_reason"), TxSql.instant(row, "started_at"), TxSql.instant(row, "finished_at"),
                row.getInt("items_read"), row.getInt("items_created"), row.getInt("items_updated"),
                row.getInt("items_unchanged"), row.getInt("items_failed"));
    }
}
