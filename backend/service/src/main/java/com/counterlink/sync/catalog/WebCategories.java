package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.SyncContext;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counterpoint's web categories (EC_CATEG, EC_CATEG_ITEM) as a store's WooCommerce product categories:
 * a category the store lacks is created once and remembered per store; one WooCommerce already has
 * under that name (term_exists) is used as it is.
 */
@Singleton
public class WebCategories {

    private final Counterpoint counterpoint;
    private final TenantTransactions transactions;
    private final TxSql sql;

    public WebCategories(Counterpoint counterpoint, TenantTransactions transactions, TxSql sql) {
        this.counterpoint = counterpoint;
        this.transactions = transactions;
        this.sql = sql;
    }

    /** Counterpoint's web categories and the memberships of these items (at most 500): a read that may be made ahead. */
    public ReadWebCategories.Result read(SyncContext context, List<String> itemNos) throws BridgeOfflineException {
        if (itemNos.isEmpty()) {
            return new ReadWebCategories.Result(List.of(), List.of());
        }
        return counterpoint.read(context.tenantId(), new ReadWebCategories(itemNos));
    }

    /** The WooCommerce category ids of each of {@code itemNos} (items in no web category are absent), from a {@link #read} that covered them. */
    public Map<String, List<Long>> forItems(SyncContext context, WooClient woo, ReadWebCategories.Result read,
                                            Collection<String> itemNos) {
        Set<String> wanted = Set.copyOf(itemNos);
        List<ReadWebCategories.Membership> memberships = read.memberships().stream()
                .filter(m -> wanted.contains(m.itemNo())).toList();
        if (memberships.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Long> mapped = new HashMap<>();
        transactions.inTenant(context.tenantId(), null, () -> sql.query("SELECT categ_id, woo_id FROM catalog_categories WHERE site_id = ?",
                row -> Map.entry(row.getInt(1), row.getLong(2)), context.siteId())).forEach(e -> mapped.put(e.getKey(), e.getValue()));
        Map<Integer, String> names = new HashMap<>();
        read.categories().forEach(c -> names.put(c.id(), c.name()));
        Map<String, List<Long>> byItem = new LinkedHashMap<>();
        for (ReadWebCategories.Membership membership : memberships) {
            Long wooId = mapped.get(membership.categoryId());
            String name = names.get(membership.categoryId());
            if (wooId == null && name != null && !name.isBlank()) {
                wooId = create(context, woo, membership.categoryId(), name.strip());
                mapped.put(membership.categoryId(), wooId);
            }
            if (wooId != null) {
                byItem.computeIfAbsent(membership.itemNo(), i -> new ArrayList<>()).add(wooId);
            }
        }
        return byItem;
    }

    private long create(SyncContext context, WooClient woo, int categId, String name) {
        long wooId;
        try {
            wooId = woo.post("products/categories", JsonNodeFactory.instance.objectNode().put("name", name)).path("id").asLong();
        } catch (WooException e) {
            if (!"term_exists".equals(e.wooCode()) || e.existingResourceId() == 0) {
                throw e;
            }
            wooId = e.existingResourceId();
        }
        long saved = wooId;
        transactions.inTenant(context.tenantId(), null, () -> sql.update("INSERT INTO catalog_categories (tenant_id, site_id, categ_id,"
                + " woo_id) VALUES (?, ?, ?, ?) ON CONFLICT (site_id, categ_id) DO UPDATE SET woo_id = EXCLUDED.woo_id, updated_at = now()",
                context.tenantId(), context.siteId(), categId, saved));
        return wooId;
    }
}
