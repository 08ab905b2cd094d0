package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.DemoStoreSetup.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Seeds locations, stores, stations, drawers, pay codes, tax and the control records of the demo company. */
final class SetupSeeder {
    private static final String USER = "MGR";

    private final LocalDateTime maintained;

    SetupSeeder(LocalDateTime maintained) {
        this.maintained = maintained;
    }

    void seed(Connection connection) throws SQLException {
        seedLocations(connection);
        seedStores(connection);
        seedPayCodes(connection);
        seedTax(connection);
        seedControlRecords(connection);
    }

    private void seedLocations(Connection connection) throws SQLException {
        try (BatchInserter locations = new BatchInserter(connection, "IM_LOC",
                "LOC_ID", "DESCR", "DESCR_UPR", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            location(locations, MAIN_LOCATION, "Main store");
            location(locations, WEB_LOCATION, "Web warehouse");
            location(locations, OUTLET_LOCATION, "Outlet store");
        }
    }

    private void location(BatchInserter locations, String id, String descr) throws SQLException {
        locations.add(id, descr, descr.toUpperCase(), maintained, USER);
    }

    private void seedStores(Connection connection) throws SQLException {
        try (BatchInserter stores = new BatchInserter(connection, "PS_STR",
                "STR_ID", "DESCR", "DESCR_UPR", "STK_LOC_ID", "PRC_LOC_ID", "WALK_IN_CUST_NO", "NXT_TKT_NO",
                "NXT_ORD_NO", "USE_ORD_NO_AS_TKT_NO", "USE_MISC_1", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            stores.add(MAIN_STORE, "Main street store", "MAIN STREET STORE", MAIN_LOCATION, MAIN_LOCATION,
                    WALK_IN_CUSTOMER, "100001", "500001", "N", "N", maintained, USER);
            // A dedicated web store, station and drawer, as NCR, Red Rook and MR all recommend.
            stores.add(WEB_STORE, "Web store", "WEB STORE", WEB_LOCATION, WEB_LOCATION,
                    WEB_TEMPLATE_CUSTOMER, "W100001", "W500001", "Y", "Y", maintained, USER);
            stores.add(OUTLET_LOCATION, "Outlet store", "OUTLET STORE", OUTLET_LOCATION, OUTLET_LOCATION,
                    WALK_IN_CUSTOMER, "300001", "700001", "N", "N", maintained, USER);
        }
        try (BatchInserter stations = new BatchInserter(connection, "PS_STA",
                "STR_ID", "STA_ID", "DESCR", "DESCR_UPR", "USE_OE", "STA_NO", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            stations.add(MAIN_STORE, MAIN_STATION, "Station 1", "STATION 1", "N", 1, maintained, USER);
            stations.add(WEB_STORE, WEB_STATION, "Web orders", "WEB ORDERS", "Y", 1, maintained, USER);
            stations.add(OUTLET_LOCATION, "1", "Station 1", "STATION 1", "N", 1, maintained, USER);
        }
        try (BatchInserter drawers = new BatchInserter(connection, "PS_DRW_SESSION",
                "STR_ID", "DRW_ID", "DRW_SESSION_ID")) {
            drawers.add(MAIN_STORE, MAIN_DRAWER, 1L);
            drawers.add(WEB_STORE, WEB_DRAWER, 1L);
        }
    }

    private void seedPayCodes(Connection connection) throws SQLException {
        try (BatchInserter payCodes = new BatchInserter(connection, "SY_PAY_COD",
                "PAY_COD", "PAY_TYP", "DESCR", "DESCR_UPR", "PAY_COD_ACCT_NO", "OPN_DRW", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            payCodes.add("CASH", "B", "Cash", "CASH", "1010", "Y", maintained, USER);
            payCodes.add("VISA", "C", "Visa", "VISA", "1020", "N", maintained, USER);
            payCodes.add("MC", "C", "MasterCard", "MASTERCARD", "1020", "N", maintained, USER);
            payCodes.add("AMEX", "C", "American Express", "AMERICAN EXPRESS", "1020", "N", maintained, USER);
            payCodes.add(WEB_PAY_CODE, "O", "Web payments", "WEB PAYMENTS", "1302", "N", maintained, USER);
        }
    }

    private void seedTax(Connection connection) throws SQLException {
        try (BatchInserter authorities = new BatchInserter(connection, "SY_TAX_AUTH",
                "AUTH_COD", "DESCR", "TAX_ACCT_NO", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            authorities.add("STATE", "State sales tax", "2310", maintained, USER);
            // Web-charged tax is kept exactly as charged, through its own authority (as Rapid does).
            authorities.add(WEB_TAX_AUTHORITY, "Web-charged tax", "2312", maintained, USER);
        }
        try (BatchInserter taxCodes = new BatchInserter(connection, "USR_TAX_COD",
                "TAX_COD", "DESCR", "DESCR_UPR", "AUTH_COD", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            taxCodes.add("MEMTN", "Memphis, TN", "MEMPHIS, TN", "STATE", maintained, USER);
            taxCodes.add(WEB_TAX_CODE, "Web orders (tax as charged)", "WEB ORDERS (TAX AS CHARGED)", WEB_TAX_AUTHORITY, maintained, USER);
        }
    }

    private void seedControlRecords(Connection connection) throws SQLException {
        try (BatchInserter control = new BatchInserter(connection, "PS_CTL",
                "MISC_1_ACCT_NO", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            control.add("4950", maintained, USER); // misc charge 1 = shipping
        }
        try (BatchInserter ecommerce = new BatchInserter(connection, "EC_CTL",
                "USE_ECOMM", "STR_ID", "ITEM_PRC_CUST_NO", "ORD_STA_ID", "ORD_DRW_ID", "ORD_PAY_COD_VISA",
                "ORD_PAY_COD_MC", "ORD_PAY_COD_AMEX", "TMPLT_CUST_NO", "NXT_CUST_NO", "ORD_BASE_TAX_COD",
                "ORD_MISC_CHRG_NO", "LST_MAINT_DT", "LST_MAINT_USR_ID")) {
            ecommerce.add("Y", WEB_STORE, WEB_TEMPLATE_CUSTOMER, WEB_STATION, WEB_DRAWER, WEB_PAY_CODE,
                    WEB_PAY_CODE, WEB_PAY_CODE, WEB_TEMPLATE_CUSTOMER, "OL-100001", WEB_TAX_CODE,
                    SHIPPING_MISC_CHARGE_NO, maintained, USER);
        }
    }
}
