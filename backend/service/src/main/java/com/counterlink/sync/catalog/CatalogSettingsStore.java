package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TxSql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** A store's catalog settings, as JSON in catalog_settings; a store without a row has the defaults. */
@Singleton
public class CatalogSettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final TxSql sql;

    public CatalogSettingsStore(TxSql sql) {
        this.sql = sql;
    }

    /** Inside a tenant transaction. */
    public CatalogSettings load(UUID siteId) {
        return saved(siteId).orElseGet(CatalogSettings::defaults);
    }

    /** Inside a tenant transaction: the settings saved for the store, empty until they were first saved. */
    public Optional<CatalogSettings> saved(UUID siteId) {
        return sql.queryOne("SELECT settings::text FROM catalog_settings WHERE site_id = ?", row -> read(row.getString(1)), siteId);
    }

    /** Inside a tenant transaction: the saved settings, their row locked until the transaction ends (a save waits). */
    public Optional<CatalogSettings> savedForUpdate(UUID siteId) {
        return sql.queryOne("SELECT settings::text FROM catalog_settings WHERE site_id = ? FOR UPDATE", row -> read(row.getString(1)),
                siteId);
    }

    public void save(UUID tenantId, UUID siteId, CatalogSettings settings) {
        try {
            sql.update("INSERT INTO catalog_settings (site_id, tenant_id, settings, updated_at) VALUES (?, ?, ?::jsonb, now())"
                    + " ON CONFLICT (site_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()",
                    siteId, tenantId, JSON.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CatalogSettings read(String json) {
        try {
            CatalogSettings saved = JSON.readValue(json, CatalogSettings.class);
            CatalogSettings d = CatalogSettings.defaults();
            // settings saved by an older version miss newer fields: those take their defaults
            return new CatalogSettings(saved.locations() == null ? d.locations() : saved.locations(),
                    saved.regularPriceLevel() == null ? d.regularPriceLevel() : saved.regularPriceLevel(),
                    saved.saleSource() == null ? d.saleSource() : saved.saleSource(), saved.salePriceLevel(),
                    saved.safetyBuffer(), saved.newProductsAsDraft(),
                    saved.ownership() == null ? d.ownership() : saved.ownership());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable catalog settings: " + e.getMessage(), e);
        }
    }
}
