package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.PriceLevel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A store's catalog settings as the portal shows them.
 *
 * @param configured false until the settings were first saved: the store shows the defaults and no
 *                   catalog job runs on an interval yet
 */
@Serdeable
public record CatalogSettingsView(List<String> locations, PriceLevel regularPriceLevel, CatalogSettings.SaleSource saleSource,
                                  @Nullable PriceLevel salePriceLevel, int safetyBuffer, boolean newProductsAsDraft,
                                  CatalogSettings.FieldOwnership ownership, boolean configured) {

    static CatalogSettingsView of(CatalogSettings s, boolean configured) {
        return new CatalogSettingsView(s.locations(), s.regularPriceLevel(), s.saleSource(), s.salePriceLevel(), s.safetyBuffer(),
                s.newProductsAsDraft(), s.ownership(), configured);
    }
}
