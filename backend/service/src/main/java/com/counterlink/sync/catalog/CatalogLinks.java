package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TxSql;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The catalog_links table; every method runs inside the caller's tenant transaction. */
@Singleton
public class CatalogLinks {

    private static final String COLUMNS = "item_no, cell, sku, woo_id, woo_parent_id, gridded, category_code, published,"
            + " status_before_unpublish, stock_managed, sent_qty, sent_regular, sent_sale, sent_sale_from, sent_sale_to,"
            + " stock_drift, price_drift, tracks_stock, publish_when_priced";

    private static final String UPSERT = "INSERT INTO catalog_links (tenant_id, site_id, " + COLUMNS + ", updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
            + " ON CONFLICT (site_id, item_no, cell) DO UPDATE SET sku = EXCLUDED.sku, woo_id = EXCLUDED.woo_id,"
            + " woo_parent_id = EXCLUDED.woo_parent_id, gridded = EXCLUDED.gridded,"
            + " category_code = EXCLUDED.category_code, published = EXCLUDED.published,"
            + " status_before_unpublish = EXCLUDED.status_before_unpublish, stock_managed = EXCLUDED.stock_managed,"
            + " sent_qty = EXCLUDED.sent_qty, sent_regular = EXCLUDED.sent_regular, sent_sale = EXCLUDED.sent_sale,"
            + " sent_sale_from = EXCLUDED.sent_sale_from, sent_sale_to = EXCLUDED.sent_sale_to,"
            + " stock_drift = EXCLUDED.stock_drift, price_drift = EXCLUDED.price_drift, tracks_stock = EXCLUDED.tracks_stock,"
            + " publish_when_priced = EXCLUDED.publish_when_priced, updated_at = now()";

    private final TxSql sql;

    public CatalogLinks(TxSql sql) {
        this.sql = sql;
    }

    public List<CatalogLink> forSite(UUID siteId) {
        return sql.query("SELECT " + COLUMNS + " FROM catalog_links WHERE site_id = ? ORDER BY item_no, cell",
                CatalogLinks::link, siteId);
    }

    public List<CatalogLink> forItems(UUID siteId, List<String> itemNos) {
        return sql.query("SELECT " + COLUMNS + " FROM catalog_links WHERE site_id = ? AND item_no = ANY(?) ORDER BY item_no, cell",
                CatalogLinks::link, siteId, itemNos.toArray(String[]::new));
    }

    /** The rows WooCommerce sells (simple products and variations) of these items. */
    public List<CatalogLink> sellableForItems(UUID siteId, Collection<String> itemNos) {
        return sql.query("SELECT " + COLUMNS + " FROM catalog_links WHERE site_id = ? AND item_no = ANY(?)"
                + " AND NOT (gridded AND cell = '') ORDER BY item_no, cell", CatalogLinks::link, siteId, itemNos.toArray(String[]::new));
    }

    /** The products and variations with these WooCommerce ids, and the variations of those that are variable products. */
    public List<CatalogLink> forWooIds(UUID siteId, Collection<Long> wooIds) {
        Long[] ids = wooIds.toArray(Long[]::new);
        return sql.query("SELECT " + COLUMNS + " FROM catalog_links WHERE site_id = ? AND (woo_id = ANY(?) OR woo_parent_id = ANY(?))"
                + " ORDER BY item_no, cell", CatalogLinks::link, siteId, ids, ids);
    }

    /**
     * Item numbers of the sellable rows of items that track stock whose stock was never sent (or not managed): an
     * incremental inventory run sends them.
     */
    public List<String> itemsWithStockUnsent(UUID siteId) {
        return sql.query("SELECT DISTINCT item_no FROM catalog_links WHERE site_id = ? AND NOT (gridded AND cell = '')"
                + " AND tracks_stock AND (NOT stock_managed OR sent_qty IS NULL)", row -> row.getString(1), siteId);
    }

    /** Those of these items the store sells without stock management (Counterpoint tracks no stock of them). */
    public Set<String> withoutStock(UUID siteId, Collection<String> itemNos) {
        if (itemNos.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.query("SELECT DISTINCT item_no FROM catalog_links WHERE site_id = ? AND item_no = ANY(?)"
                + " AND NOT tracks_stock", row -> row.getString(1), siteId, itemNos.toArray(String[]::new)));
    }

    /** Those of these items some store of the tenant sells with their stock: what web orders' allocations can move. */
    public Set<String> trackedAnywhere(Collection<String> itemNos) {
        if (itemNos.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(sql.query("SELECT DISTINCT item_no FROM catalog_links WHERE item_no = ANY(?) AND tracks_stock",
                row -> row.getString(1), (Object) itemNos.toArray(String[]::new)));
    }

    /**
     * Item numbers of the sellable rows never priced: an incremental pricing run prices them. Not those kept as drafts
     * for want of a price: the price feed names them when they get one.
     */
    public List<String> itemsWithPricesUnsent(UUID siteId) {
        return sql.query("SELECT DISTINCT item_no FROM catalog_links WHERE site_id = ? AND NOT (gridded AND cell = '')"
                + " AND sent_regular IS NULL AND publish_when_priced IS NULL", row -> row.getString(1), siteId);
    }

    public void save(UUID tenantId, UUID siteId, CatalogLink link) {
        saveAll(tenantId, siteId, List.of(link));
    }

    /** Inserts or updates the rows in one JDBC batch. */
    public void saveAll(UUID tenantId, UUID siteId, List<CatalogLink> toSave) {
        sql.batch(UPSERT, toSave.stream().map(l -> new Object[]{tenantId, siteId, l.itemNo(), l.cell(), l.sku(), l.wooId(),
                l.wooParentId(), l.gridded(), l.categoryCode(), l.published(), l.statusBeforeUnpublish(), l.stockManaged(),
                l.sentQty(), l.sentRegular(), l.sentSale(), l.sentSaleFrom(), l.sentSaleTo(), l.stockDrift(), l.priceDrift(), l.tracksStock(),
                l.publishWhenPriced()}).toList());
    }

    private static CatalogLink link(ResultSet r) throws SQLException {
        return new CatalogLink(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), (Long) r.getObject(5),
                r.getBoolean(6), r.getString(7), r.getBoolean(8), r.getString(9), r.getBoolean(10), (Integer) r.getObject(11),
                r.getBigDecimal(12), r.getBigDecimal(13), r.getObject(14, LocalDateTime.class), r.getObject(15, LocalDateTime.class),
                r.getString(16), r.getString(17), r.getBoolean(18), r.getString(19));
    }

    static BigDecimal nullSafe(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
