package com.counterlink.orders;

import com.counterlink.platform.db.TxSql;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Each store's reference prefix, unique within the company (compared without case), so two stores' order 213 get
 * different references in their one Counterpoint. A store without a saved prefix has a default: "W" and its place
 * among the company's stores (removed ones count, as their orders are in Counterpoint), then "-", skipping any prefix
 * another store has. The default is saved with the store's order settings and before its first order is written, so
 * it never changes afterwards. Call inside the tenant's transaction.
 */
@Singleton
public class ReferencePrefixes {

    private final TxSql sql;

    ReferencePrefixes(TxSql sql) {
        this.sql = sql;
    }

    private record Store(UUID id, String name, String saved) {
    }

    /** Every store's prefix, saved or default, by store (oldest first). */
    Map<UUID, String> all(UUID tenantId) {
        List<Store> stores = sql.query("SELECT id, name, settings -> 'orders' ->> 'referencePrefix' FROM sites"
                        + " WHERE tenant_id = ? ORDER BY created_at, id",
                row -> new Store(row.getObject(1, UUID.class), row.getString(2), blankToNull(row.getString(3))), tenantId);
        Set<String> taken = new HashSet<>();
        stores.stream().filter(s -> s.saved() != null).forEach(s -> taken.add(key(s.saved())));
        Map<UUID, String> prefixes = new LinkedHashMap<>();
        int place = 0;
        for (Store store : stores) {
            place++;
            if (store.saved() != null) {
                prefixes.put(store.id(), store.saved());
                continue;
            }
            int n = place;
            while (taken.contains(key("W" + n + "-"))) {
                n++;
            }
            taken.add(key("W" + n + "-"));
            prefixes.put(store.id(), "W" + n + "-");
        }
        return prefixes;
    }

    /** The store's prefix: saved, else its default. */
    String of(UUID tenantId, UUID siteId) {
        return Optional.ofNullable(all(tenantId).get(siteId)).orElseThrow(() -> ApiException.notFound("Store"));
    }

    /**
     * Settings to save for the store: with the prefix they carry (refused when another store of the company has it),
     * else the store's current one. Locks the company's stores, so two stores saved at once cannot take the same.
     */
    OrderSettings toSave(UUID tenantId, UUID siteId, OrderSettings settings) {
        sql.query("SELECT id FROM sites WHERE tenant_id = ? FOR UPDATE", row -> row.getObject(1, UUID.class), tenantId);
        Map<UUID, String> all = all(tenantId);
        if (settings.referencePrefix() == null) {
            return settings.withReferencePrefix(all.get(siteId));
        }
        for (Map.Entry<UUID, String> other : all.entrySet()) {
            if (!other.getKey().equals(siteId) && key(other.getValue()).equals(key(settings.referencePrefix()))) {
                String name = sql.queryOne("SELECT name FROM sites WHERE id = ?", row -> row.getString(1), other.getKey())
                        .orElse("another store");
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "referencePrefix " + settings.referencePrefix()
                        + " is the prefix of store “" + name + "”: each store needs its own, so Counterpoint's references"
                        + " of their orders stay different");
            }
        }
        return settings;
    }

    /**
     * The store's settings with its prefix saved: a store that has written no order with a prefix yet keeps the
     * default it has now from its first order on.
     */
    OrderSettings saved(UUID tenantId, UUID siteId, OrderSettings settings) {
        if (settings.referencePrefix() != null) {
            return settings;
        }
        sql.query("SELECT id FROM sites WHERE tenant_id = ? FOR UPDATE", row -> row.getObject(1, UUID.class), tenantId);
        String prefix = of(tenantId, siteId);
        sql.update("UPDATE sites SET settings = jsonb_set(settings, '{orders,referencePrefix}', to_jsonb(?::text))"
                + " WHERE id = ? AND settings -> 'orders' IS NOT NULL AND settings -> 'orders' ->> 'referencePrefix' IS NULL",
                prefix, siteId);
        return settings.withReferencePrefix(prefix);
    }

    private static String key(String prefix) {
        return prefix.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
