package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Items whose stock (inventory job) or prices (pricing job) a store must read again although
 * Counterpoint's change feed may not name them: web orders allocated or released stock, or the
 * products job created them with what it had read. Every method runs inside the caller's tenant
 * transaction.
 */
@Singleton
public class CatalogRechecks {

    /** The items asked for, and the newest request among them (only requests up to it are cleared). */
    public record Pending(List<String> itemNos, Instant upTo) {
    }

    private final TxSql sql;

    public CatalogRechecks(TxSql sql) {
        this.sql = sql;
    }

    public void request(UUID tenantId, UUID siteId, JobType job, Collection<String> itemNos) {
        if (itemNos.isEmpty()) {
            return;
        }
        sql.update("INSERT INTO catalog_rechecks (tenant_id, site_id, job_type, item_no) SELECT ?, ?, ?, unnest(?::varchar[])"
                        + " ON CONFLICT (site_id, job_type, item_no) DO UPDATE SET requested_at = now()", tenantId, siteId, job.name(),
                itemNos.toArray(String[]::new));
    }

    /** New rows created with the values they record: inventory reads again those with a quantity, pricing those with prices. */
    public void requestForCreated(UUID tenantId, UUID siteId, Collection<CatalogLink> created) {
        request(tenantId, siteId, JobType.INVENTORY, created.stream().filter(l -> l.sentQty() != null).map(CatalogLink::itemNo)
                .distinct().toList());
        request(tenantId, siteId, JobType.PRICING, created.stream().filter(l -> l.sentRegular() != null).map(CatalogLink::itemNo)
                .distinct().toList());
    }

    public Pending pending(UUID siteId, JobType job) {
        List<Object[]> rows = sql.query("SELECT item_no, requested_at FROM catalog_rechecks WHERE site_id = ? AND job_type = ?"
                        + " ORDER BY item_no",
                row -> new Object[]{row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()}, siteId, job.name());
        return new Pending(rows.stream().map(r -> (String) r[0]).toList(),
                rows.stream().map(r -> (Instant) r[1]).max(Instant::compareTo).orElse(Instant.EPOCH));
    }

    /** Clears the requests read up to {@code upTo}, except for items that failed; a newer request stays. */
    public void done(UUID siteId, JobType job, Pending read, Collection<String> failedItemNos) {
        List<String> done = read.itemNos().stream().filter(i -> !failedItemNos.contains(i)).toList();
        if (!done.isEmpty()) {
            sql.update("DELETE FROM catalog_rechecks WHERE site_id = ? AND job_type = ? AND item_no = ANY(?) AND requested_at <= ?",
                    siteId, job.name(), done.toArray(String[]::new), read.upTo());
        }
    }
}
