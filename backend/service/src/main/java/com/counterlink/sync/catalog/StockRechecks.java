package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TxSql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Items whose web quantity a store must recompute although Counterpoint's stock did not move (web
 * orders allocated or released them). Every method runs inside the caller's tenant transaction.
 */
@Singleton
public class StockRechecks {

    /** The items asked for, and the newest request among them (only requests up to it are cleared). */
    public record Pending(List<String> itemNos, Instant upTo) {
    }

    private final TxSql sql;

    public StockRechecks(TxSql sql) {
        this.sql = sql;
    }

    public void request(UUID tenantId, UUID siteId, Collection<String> itemNos) {
        sql.update("INSERT INTO stock_rechecks (tenant_id, site_id, item_no) SELECT ?, ?, unnest(?::varchar[])"
                + " ON CONFLICT (site_id, item_no) DO UPDATE SET requested_at = now()", tenantId, siteId, itemNos.toArray(String[]::new));
    }

    public Pending pending(UUID siteId) {
        List<Object[]> rows = sql.query("SELECT item_no, requested_at FROM stock_rechecks WHERE site_id = ? ORDER BY item_no",
                row -> new Object[]{row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()}, siteId);
        return new Pending(rows.stream().map(r -> (String) r[0]).toList(),
                rows.stream().map(r -> (Instant) r[1]).max(Instant::compareTo).orElse(Instant.EPOCH));
    }

    /** Clears the requests read up to {@code upTo}, except for items that failed; a newer request stays. */
    public void done(UUID siteId, Pending read, Collection<String> failedItemNos) {
        List<String> done = read.itemNos().stream().filter(i -> !failedItemNos.contains(i)).toList();
        if (!done.isEmpty()) {
            sql.update("DELETE FROM stock_rechecks WHERE site_id = ? AND item_no = ANY(?) AND requested_at <= ?", siteId,
                    done.toArray(String[]::new), read.upTo());
        }
    }
}
