package com.counterlink.woo.sandbox.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subset of WooCommerce options the sandbox models, with WooCommerce's labels and defaults. */
public final class SettingCatalog {
    public static final String CALC_TAXES = "woocommerce_calc_taxes";
    public static final String CURRENCY = "woocommerce_currency";
    public static final String MANAGE_STOCK = "woocommerce_manage_stock";
    public static final String NOTIFY_NO_STOCK = "woocommerce_notify_no_stock_amount";
    public static final String PRICES_INCLUDE_TAX = "woocommerce_prices_include_tax";
    public static final String NUM_DECIMALS = "woocommerce_price_num_decimals";

    private static final Map<String, SettingDefinition> ALL = new LinkedHashMap<>();

    static {
        add("general", "woocommerce_default_country", "Country / State", "The country and state or province, if any, in which your business is located.", "select", "US:CA", "", List.of());
        add("general", CALC_TAXES, "Enable taxes", "Enable tax rates and calculations", "checkbox", "no", "Rates will be configurable and taxes will be calculated during checkout.", null);
        add("general", CURRENCY, "Currency", "This controls what currency prices are listed at in the catalog and which currency gateways will take payments in.", "select", "USD", "", List.of("USD", "EUR", "GBP", "CAD", "AUD"));
        add("general", "woocommerce_currency_pos", "Currency position", "This controls the position of the currency symbol.", "select", "left", "", List.of("left", "right", "left_space", "right_space"));
        add("general", "woocommerce_price_thousand_sep", "Thousand separator", "This sets the thousand separator of displayed prices.", "text", ",", "", null);
        add("general", "woocommerce_price_decimal_sep", "Decimal separator", "This sets the decimal separator of displayed prices.", "text", ".", "", null);
        add("general", NUM_DECIMALS, "Number of decimals", "This sets the number of decimal points shown in displayed prices.", "number", "2", "", null);
        add("products", MANAGE_STOCK, "Manage stock", "Enable stock management", "checkbox", "yes", "", null);
        add("products", NOTIFY_NO_STOCK, "Out of stock threshold", "When product stock reaches this amount the stock status will change to \"out of stock\"", "number", "0", "", null);
        add("tax", PRICES_INCLUDE_TAX, "Prices entered with tax", "", "radio", "no", "", List.of("yes", "no"));
        add("tax", "woocommerce_tax_based_on", "Calculate tax based on", "This option determines which address is used to calculate tax.", "select", "shipping", "", List.of("shipping", "billing", "base"));
    }

    private SettingCatalog() {}

    private static void add(String group, String id, String label, String description, String type, String def, String tip, List<String> options) {
        ALL.put(id, new SettingDefinition(group, id, label, description, type, def, tip, options));
    }

    public static Optional<SettingDefinition> find(String group, String id) {
        SettingDefinition d = ALL.get(id);
        return d != null && d.group().equals(group) ? Optional.of(d) : Optional.empty();
    }

    public static List<SettingDefinition> inGroup(String group) {
        return ALL.values().stream().filter(d -> d.group().equals(group)).toList();
    }

    public static List<String> groups() { return List.of("general", "products", "tax"); }

    public static Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        ALL.values().forEach(d -> out.put(d.id(), d.defaultValue()));
        return out;
    }
}
