package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Seeds promotional price rules: one running now (20% off apparel) and one that starts in ten days
 * (fixed price on footwear), so a connector must handle sale dates and promotions that start later.
 */
final class PromotionSeeder {
    private final LocalDateTime now;

    PromotionSeeder(LocalDateTime now) {
        this.now = now;
    }

    void seed(Connection connection) throws SQLException {
        LocalDateTime today = now.toLocalDate().atStartOfDay();
        try (BatchInserter groups = new BatchInserter(connection, "IM_PRC_GRP",
                "GRP_TYP", "GRP_COD", "GRP_SEQ_NO", "DESCR", "NO_BEG_DAT", "BEG_DAT", "NO_END_DAT", "END_DAT", "ENABLED", "LST_MAINT_DT");
             BatchInserter rules = new BatchInserter(connection, "IM_PRC_RUL",
                "GRP_TYP", "GRP_COD", "RUL_SEQ_NO", "DESCR", "ITEM_FILT", "ITEM_FILT_TEXT", "LST_MAINT_DT");
             BatchInserter breaks = new BatchInserter(connection, "IM_PRC_RUL_BRK",
                "GRP_TYP", "GRP_COD", "RUL_SEQ_NO", "MIN_QTY", "PRC_METH", "PRC_BASIS", "AMT_OR_PCT", "LST_MAINT_DT")) {
            groups.add("P", DemoStoreSetup.ACTIVE_PROMOTION, 1, "Spring sale", "N", today.minusDays(7), "N", today.plusDays(21), "Y", now);
            rules.add("P", DemoStoreSetup.ACTIVE_PROMOTION, 1, "20% off apparel",
                    "(IM_ITEM.CATEG_COD = 'APPAREL')", "Category is APPAREL", now);
            breaks.add("P", DemoStoreSetup.ACTIVE_PROMOTION, 1, BigDecimal.ONE, "D", "1", new BigDecimal("20"), now);

            groups.add("P", DemoStoreSetup.FUTURE_PROMOTION, 2, "Summer footwear", "N", today.plusDays(10), "N", today.plusDays(40), "Y", now);
            rules.add("P", DemoStoreSetup.FUTURE_PROMOTION, 1, "Footwear at 39.99",
                    "(IM_ITEM.CATEG_COD = 'FOOTWEAR')", "Category is FOOTWEAR", now);
            breaks.add("P", DemoStoreSetup.FUTURE_PROMOTION, 1, BigDecimal.ONE, "F", "!", new BigDecimal("39.99"), now);
        }
    }
}
