package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.StockCursor;
import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.JobType;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

/** How far a store's job has read Counterpoint's changes: moved only past items the store accepted. */
@Singleton
public class Watermarks {

    private final TxSql sql;

    public Watermarks(TxSql sql) {
        this.sql = sql;
    }

    public Optional<ItemCursor> get(UUID siteId, JobType job) {
        return sql.queryOne("SELECT changed_at, item_no FROM sync_watermarks WHERE site_id = ? AND job_type = ?"
                        + " AND item_no IS NOT NULL",
                row -> new ItemCursor(row.getObject(1, LocalDateTime.class), row.getString(2)), siteId, job.name());
    }

    /** Moves the watermark to {@code to}; null forgets it, so the next run reads from the beginning. */
    public void set(UUID tenantId, UUID siteId, JobType job, ItemCursor to) {
        if (to == null) {
            sql.update("DELETE FROM sync_watermarks WHERE site_id = ? AND job_type = ?", siteId, job.name());
        } else {
            advance(tenantId, siteId, job, to);
        }
    }

    public void advance(UUID tenantId, UUID siteId, JobType job, ItemCursor to) {
        sql.update("INSERT INTO sync_watermarks (tenant_id, site_id, job_type, changed_at, item_no, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (site_id, job_type) DO UPDATE SET changed_at = EXCLUDED.changed_at,"
                + " item_no = EXCLUDED.item_no, updated_at = now()", tenantId, siteId, job.name(), to.changedAtUtc(), to.itemNo());
    }

    /** The pricing job's position in Counterpoint's price change feed, with what it accounts for of the promotions. */
    public Optional<PriceMark> prices(UUID siteId) {
        return sql.queryOne("SELECT changed_at, item_no, rules_changed_at, rules_rows, priced_at FROM sync_watermarks"
                        + " WHERE site_id = ? AND job_type = ? AND item_no IS NOT NULL",
                row -> new PriceMark(new ItemCursor(row.getObject(1, LocalDateTime.class), row.getString(2)),
                        row.getObject(3, LocalDateTime.class), row.getInt(4), row.getObject(5, LocalDateTime.class)),
                siteId, JobType.PRICING.name());
    }

    public void advancePrices(UUID tenantId, UUID siteId, PriceMark to) {
        sql.update("INSERT INTO sync_watermarks (tenant_id, site_id, job_type, changed_at, item_no, rules_changed_at, rules_rows,"
                        + " priced_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (site_id, job_type) DO UPDATE SET"
                        + " changed_at = EXCLUDED.changed_at, item_no = EXCLUDED.item_no, rules_changed_at = EXCLUDED.rules_changed_at,"
                        + " rules_rows = EXCLUDED.rules_rows, priced_at = EXCLUDED.priced_at, updated_at = now()",
                tenantId, siteId, JobType.PRICING.name(), to.position().changedAtUtc(), to.position().itemNo(),
                to.rulesChangedAt(), to.rulesRows(), to.pricedAt());
    }

    /**
     * Where the pricing job stands: its position in the price feed, the promotional rules as they were
     * when its prices were last worked out in full (their newest change and row count), and the UTC
     * time up to which promotion begin and end dates have been applied.
     */
    public record PriceMark(ItemCursor position, LocalDateTime rulesChangedAt, int rulesRows, LocalDateTime pricedAt) {

        /** True when the promotional rules are no longer those these prices were worked out with. */
        boolean rulesDifferFrom(ReadPriceChanges.Promotions now) {
            return !java.util.Objects.equals(rulesChangedAt, now.changedAtUtc()) || rulesRows != now.rows();
        }
    }

    /** The inventory job's position in Counterpoint's stock change feed. */
    public Optional<StockCursor> stock(UUID siteId) {
        return sql.queryOne("SELECT changed_at, item_no, location_id, dim_1, dim_2, dim_3 FROM sync_watermarks"
                        + " WHERE site_id = ? AND job_type = ?",
                row -> new StockCursor(row.getObject(1, LocalDateTime.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), siteId, JobType.INVENTORY.name());
    }

    public void advanceStock(UUID tenantId, UUID siteId, StockCursor to) {
        sql.update("INSERT INTO sync_watermarks (tenant_id, site_id, job_type, changed_at, item_no, location_id, dim_1, dim_2, dim_3,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (site_id, job_type) DO UPDATE SET"
                        + " changed_at = EXCLUDED.changed_at, item_no = EXCLUDED.item_no, location_id = EXCLUDED.location_id,"
                        + " dim_1 = EXCLUDED.dim_1, dim_2 = EXCLUDED.dim_2, dim_3 = EXCLUDED.dim_3, updated_at = now()",
                tenantId, siteId, JobType.INVENTORY.name(), to.changedAtUtc(), to.itemNo(), to.locationId(), to.dim1(), to.dim2(),
                to.dim3());
    }
}
