package com.counterlink.woo.sandbox.settings;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /wc/v3/system_status: the environment and settings sections clients read (version, currency, ...). */
public final class SystemStatusController {
    private SystemStatusController() {}

    public static void register(RestRouter r) {
        r.add("GET", "/wc/v3/system_status", Permission.VIEW, ctx -> Response.json(200, render(ctx.store())));
    }

    static ObjectNode render(Store store) {
        ObjectNode o = Json.object();
        ObjectNode env = o.putObject("environment");
        env.put("home_url", store.siteUrl());
        env.put("site_url", store.siteUrl());
        env.put("store_id", "");
        env.put("version", "10.0.2");
        env.put("log_directory", "/var/www/html/wp-content/uploads/wc-logs/");
        env.put("log_directory_writable", true);
        env.put("wp_version", "6.8.3");
        env.put("wp_multisite", false);
        env.put("wp_memory_limit", 268435456);
        env.put("wp_debug_mode", false);
        env.put("wp_cron", true);
        env.put("language", "en_US");
        env.put("external_object_cache", false);
        env.put("server_info", "nginx/1.22.1");
        env.put("php_version", "8.2.29");
        env.put("mysql_version", "10.11.19");
        env.put("default_timezone", "UTC");
        o.putObject("database").put("wc_database_version", "10.0.2");
        o.putArray("active_plugins").addObject().put("plugin", "woocommerce/woocommerce.php").put("name", "WooCommerce")
                .put("version", "10.0.2").put("author_name", "Automattic");
        o.putArray("inactive_plugins");
        o.putArray("dropins_mu_plugins");
        o.putObject("theme").put("name", "Storefront").put("version", "4.6.1");
        ObjectNode settings = o.putObject("settings");
        settings.put("api_enabled", true);
        settings.put("force_ssl", false);
        settings.put("currency", store.currency());
        settings.put("currency_symbol", WpFormat.currencySymbol(store.currency()));
        settings.put("currency_position", store.option("woocommerce_currency_pos"));
        settings.put("thousand_separator", store.option("woocommerce_price_thousand_sep"));
        settings.put("decimal_separator", store.option("woocommerce_price_decimal_sep"));
        settings.put("number_of_decimals", Integer.parseInt(store.option(SettingCatalog.NUM_DECIMALS)));
        settings.put("geolocation_enabled", false);
        ObjectNode taxonomies = settings.putObject("taxonomies");
        for (String t : new String[]{"external", "grouped", "simple", "variable"}) taxonomies.put(t, t);
        settings.put("woocommerce_com_connected", "no");
        settings.put("enforce_approved_download_dirs", true);
        settings.put("order_datastore", "Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\OrdersTableDataStore");
        settings.put("HPOS_enabled", true);
        settings.put("HPOS_sync_enabled", false);
        ObjectNode security = o.putObject("security");
        security.put("secure_connection", store.siteUrl().startsWith("https"));
        security.put("hide_errors", true);
        o.putArray("pages");
        o.putArray("post_type_counts");
        return o;
    }
}
