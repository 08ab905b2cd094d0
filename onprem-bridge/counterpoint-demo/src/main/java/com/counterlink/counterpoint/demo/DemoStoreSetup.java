package com.counterlink.counterpoint.demo;

import java.util.List;

/** The identifiers the seed gives the demo company; tests and the demo bridge config refer to them. */
public final class DemoStoreSetup {
    public static final String MAIN_LOCATION = "MAIN";
    public static final String WEB_LOCATION = "WEB";
    public static final String OUTLET_LOCATION = "OUTLET";
    public static final List<String> LOCATIONS = List.of(MAIN_LOCATION, WEB_LOCATION, OUTLET_LOCATION);

    public static final String WEB_STORE = "WEB";
    public static final String WEB_STATION = "WEB-01";
    public static final String WEB_DRAWER = "WEB";
    public static final String WEB_PAY_CODE = "WEB";
    public static final String WEB_TAX_CODE = "WEB";
    public static final String WEB_TAX_AUTHORITY = "WEB";
    public static final int SHIPPING_MISC_CHARGE_NO = 1;
    public static final String WEB_TEMPLATE_CUSTOMER = "WEBTMPLT";
    public static final String WALK_IN_CUSTOMER = "CASH";

    public static final String MAIN_STORE = "MAIN";
    public static final String MAIN_STATION = "1";
    public static final String MAIN_DRAWER = "1";

    /** The promotion that is running at seed time, and one that starts later (a change scan must not miss it). */
    public static final String ACTIVE_PROMOTION = "SPRING";
    public static final String FUTURE_PROMOTION = "SUMMER";

    private DemoStoreSetup() {
    }
}
