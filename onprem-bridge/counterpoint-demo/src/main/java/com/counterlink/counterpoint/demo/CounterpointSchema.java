package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Installs the Counterpoint-shaped schema: the common T-SQL DDL, then the per-dialect fragments
 * (computed columns, row versions), then the triggers that stamp {@code RS_UTC_DT}.
 */
public final class CounterpointSchema {
    private static final String ROOT = "/counterpoint/schema/";

    private static final List<String> COMMON_TABLE_SCRIPTS = List.of(
            "common/010-setup-tables.sql",
            "common/020-item-tables.sql",
            "common/030-customer-tables.sql",
            "common/040-document-tables.sql",
            "common/050-history-tables.sql",
            "common/060-connector-tables.sql");

    private static final List<String> DIALECT_SCRIPTS = List.of("computed-columns.sql", "row-versions.sql");

    private static final String INDEX_SCRIPT = "common/090-change-tracking-indexes.sql";

    /** Every table the schema creates, in creation order. */
    public static final List<String> TABLES = List.of(
            "IM_LOC", "PS_STR", "PS_STA", "PS_DRW_SESSION", "SY_PAY_COD", "SY_TAX_AUTH", "USR_TAX_COD", "PS_CTL", "EC_CTL",
            "IM_ITEM", "IM_PRC", "IM_PRC_GRP", "IM_PRC_RUL", "IM_PRC_RUL_BRK", "IM_BARCOD", "IM_INV", "IM_INV_CELL",
            "EC_ITEM_DESCR", "EC_CATEG", "EC_CATEG_ITEM",
            "AR_CUST", "AR_SHIP_ADRS",
            "PS_DOC_HDR", "PS_DOC_LIN", "PS_DOC_PMT", "PS_DOC_TAX", "PS_DOC_HDR_MISC_CHRG", "PS_DOC_DISC",
            "PS_DOC_HDR_TOT", "PS_DOC_CONTACT",
            "PS_TKT_HIST", "PS_TKT_HIST_LIN", "PS_TKT_HIST_PMT",
            "USR_WEB_ORD_KEY");

    private CounterpointSchema() {
    }

    public static void install(Connection connection, Dialect dialect) throws SQLException {
        Transactions.run(connection, () -> {
            for (String script : COMMON_TABLE_SCRIPTS) {
                SqlScript.load(ROOT + script).execute(connection);
            }
            for (String script : DIALECT_SCRIPTS) {
                SqlScript.load(ROOT + dialect.resourceFolder() + "/" + script).execute(connection);
            }
            ChangeStampTriggers.install(connection, dialect);
            SqlScript.load(ROOT + INDEX_SCRIPT).execute(connection);
        });
    }

    public static boolean isInstalled(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, "IM_ITEM", new String[] {"TABLE", "BASE TABLE"})) {
            return tables.next();
        }
    }
}
