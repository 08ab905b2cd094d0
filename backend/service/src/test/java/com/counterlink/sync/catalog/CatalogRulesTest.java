package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog's rules without a database or a store: quantities, sale prices, settings. */
class CatalogRulesTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 15, 12, 0);

    @Test
    void theWebQuantityIsWholeUnitsAfterAllocationsAndBufferAndNeverNegative() {
        assertEquals(6, WebQuantity.of(new BigDecimal("7.4"), BigDecimal.ZERO, 1));
        assertEquals(2, WebQuantity.of(new BigDecimal("10"), new BigDecimal("3"), 5));
        assertEquals(0, WebQuantity.of(new BigDecimal("-4"), BigDecimal.ZERO, 0));
        assertEquals(0, WebQuantity.of(new BigDecimal("3"), new BigDecimal("2"), 2));
        assertEquals(0, WebQuantity.of(new BigDecimal("0.9"), BigDecimal.ZERO, 0));
    }

    @Test
    void aRunningPromotionGivesASaleWithItsDatesAndAFutureOneIsScheduled() {
        ReadPrices.Promotion running = promotion("SPRING", NOW.minusDays(7), NOW.plusDays(21),
                "(IM_ITEM.CATEG_COD = 'APPAREL')", "D", "1", "20");
        ReadPrices.Promotion future = promotion("SUMMER", NOW.plusDays(10), NOW.plusDays(40),
                "(IM_ITEM.CATEG_COD = 'FOOTWEAR')", "F", "!", "39.99");
        List<ReadPrices.Promotion> both = List.of(running, future);

        var apparel = PromotionPricer.sale(both, new PromotionPricer.ItemFacts("AP-1", "APPAREL"), new BigDecimal("50"),
                new BigDecimal("45"), NOW).orElseThrow();
        assertEquals(new BigDecimal("36.00"), apparel.price(), "20% off Price-1");
        assertEquals(NOW.plusDays(21), apparel.to());

        var shoes = PromotionPricer.sale(both, new PromotionPricer.ItemFacts("FW-1", "FOOTWEAR"), new BigDecimal("80"),
                null, NOW).orElseThrow();
        assertEquals(new BigDecimal("39.99"), shoes.price());
        assertEquals(NOW.plusDays(10), shoes.from(), "a promotion that starts later is sent with its start date");

        assertTrue(PromotionPricer.sale(both, new PromotionPricer.ItemFacts("FW-2", "FOOTWEAR"), new BigDecimal("30"),
                null, NOW).isEmpty(), "a promotional price above the regular price is no sale");
        assertTrue(PromotionPricer.sale(both, new PromotionPricer.ItemFacts("AC-1", "ACCESSORIES"), new BigDecimal("30"),
                null, NOW).isEmpty());
        assertTrue(PromotionPricer.sale(List.of(promotion("OLD", NOW.minusDays(9), NOW.minusDays(1), null, "D", "1", "50")),
                new PromotionPricer.ItemFacts("X", null), BigDecimal.TEN, null, NOW).isEmpty(), "an ended promotion is no sale");
    }

    @Test
    void itemFiltersAreEvaluatedOnlyWhenTheyAreSimpleEqualityTests() {
        var item = new PromotionPricer.ItemFacts("AP-7", "APPAREL");
        assertTrue(PromotionPricer.matches("(IM_ITEM.CATEG_COD = 'APPAREL') OR (IM_ITEM.ITEM_NO = 'Z')", item));
        assertFalse(PromotionPricer.matches("(IM_ITEM.CATEG_COD = 'APPAREL') AND (IM_ITEM.ITEM_NO = 'Z')", item));
        assertThrows(PromotionPricer.UnsupportedFilterException.class,
                () -> PromotionPricer.matches("(IM_ITEM.PRC_1 > 10)", item));
    }

    @Test
    void anotherLevelIsASaleOnlyWhenLower() {
        CatalogSettings settings = new CatalogSettings(List.of("WEB"), PriceLevel.PRC_1, CatalogSettings.SaleSource.PRICE_LEVEL,
                PriceLevel.PRC_2, 0, true, CatalogSettings.FieldOwnership.defaults());
        CatalogLink link = new CatalogLink("A", "", "A", 1, null, false, null, true, null, false, null, null, null, null, null, true);
        assertEquals(new BigDecimal("8.00"), ItemPrices.price(settings, link.itemNo(), link.categoryCode(), BigDecimal.TEN, Map.of("A", new BigDecimal("8")),
                Map.of(), List.of(), NOW).sale());
        assertNull(ItemPrices.price(settings, link.itemNo(), link.categoryCode(), BigDecimal.TEN, Map.of("A", new BigDecimal("12")), Map.of(), List.of(), NOW).sale());
    }

    @Test
    void settingsHaveUsableDefaultsAndEveryBadFieldIsNamed() {
        CatalogSettings defaults = CatalogSettings.defaults();
        assertEquals(List.of(), defaults.locations());
        assertEquals(PriceLevel.REG_PRC, defaults.regularPriceLevel());
        assertEquals(CatalogSettings.SaleSource.NONE, defaults.saleSource());
        assertEquals(0, defaults.safetyBuffer());
        assertTrue(defaults.newProductsAsDraft());
        assertEquals(CatalogSettings.Ownership.SET_ONCE, defaults.ownership().name());
        assertEquals(CatalogSettings.Ownership.SET_ONCE, defaults.ownership().descriptions());
        assertEquals(CatalogSettings.Ownership.SET_ONCE, defaults.ownership().categories());
        assertEquals(defaults, CatalogSettings.from(new CatalogSettings.Command(null, null, null, null, null, null, null)));

        ApiException bad = assertThrows(ApiException.class, () -> CatalogSettings.from(new CatalogSettings.Command(
                List.of("WEB"), "PRC_1", "PRICE_LEVEL", "PRC_1", 100_001, null, new CatalogSettings.OwnershipCommand(null, "x", null))));
        assertEquals(List.of("salePriceLevel", "safetyBuffer", "ownership.descriptions"),
                bad.fieldErrors().stream().map(e -> e.field()).toList());
    }

    @Test
    void onlyInventoryItemsTrackStockAndANewItemWithoutStockIsSoldWithoutStockManagement() {
        assertTrue(ProductsJob.tracksStock(item("I")));
        assertTrue(ProductsJob.tracksStock(item(null)), "a Counterpoint without the column tracks stock as before");
        assertFalse(ProductsJob.tracksStock(item("N")), "non-inventory, e.g. an admission");
        assertFalse(ProductsJob.tracksStock(item("S")));

        CatalogSettings settings = CatalogSettings.defaults();
        StockLevels.Levels noStock = new StockLevels.Levels(Map.of(), Map.of(), Map.of());
        NewItemValues values = new NewItemValues(settings, noStock, null, NOW);
        var stocked = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        values.writeTo(stocked, "CAFÉ-01", null, CatalogLink.ITEM, true);
        assertEquals("{\"manage_stock\":true,\"stock_quantity\":0}", stocked.toString());
        var admission = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        values.writeTo(admission, "ADMISSION-ADULT", null, CatalogLink.ITEM, false);
        assertEquals("{\"manage_stock\":false,\"stock_status\":\"instock\"}", admission.toString(),
                "never \"out of stock\" because Counterpoint has no stock rows for it");
        CatalogLink row = new CatalogLink("ADMISSION-ADULT", "", "ADMISSION-ADULT", 1, null, false, null, true, null, false, null,
                null, null, null, null, false);
        assertNull(values.sent(row).sentQty(), "no quantity is recorded as sent");
    }

    @Test
    void locationsAreWhateverCounterpointHoldsButNotControlCharactersOrOverlongCodes() {
        CatalogSettings settings = CatalogSettings.from(new CatalogSettings.Command(List.of("lager-süd", "NEW YORK"), null, null, null,
                null, null, null));
        assertEquals(List.of("LAGER-SÜD", "NEW YORK"), settings.locations());
        for (String bad : List.of("WEB\t2", "ELEVEN-CHAR", "")) {
            ApiException e = assertThrows(ApiException.class, () -> CatalogSettings.from(new CatalogSettings.Command(List.of(bad),
                    null, null, null, null, null, null)), bad);
            assertEquals("locations", e.fieldErrors().getFirst().field());
        }
    }

    private static com.counterlink.bridge.protocol.operations.ReadItemChanges.Item item(String type) {
        return new com.counterlink.bridge.protocol.operations.ReadItemChanges.Item("X", "X", null, type, "N", 0, List.of(), null,
                "A", true, BigDecimal.ONE, BigDecimal.ONE, null, NOW);
    }

    private static ReadPrices.Promotion promotion(String code, LocalDateTime begins, LocalDateTime ends, String filter,
                                                  String method, String basis, String amount) {
        return new ReadPrices.Promotion(code, code, true, begins, ends, List.of(new ReadPrices.Rule(1, code, filter,
                List.of(new ReadPrices.Break(BigDecimal.ONE, method, basis, new BigDecimal(amount))))));
    }
}
