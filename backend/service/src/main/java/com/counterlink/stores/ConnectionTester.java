package com.counterlink.stores;

import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "Test connection": keys, read and write permission, WooCommerce version, currency, stock management. */
@Singleton
public class ConnectionTester {

    /** The oldest release whose REST behaviour we rely on (same as 10.0.2 for everything we use). */
    static final int[] MIN_VERSION = {7, 9};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the store answered the first signed read. */
    public enum Keys { ACCEPTED, REFUSED, UNREACHABLE }

    /**
     * @param checks   every check, in order
     * @param homeUrl  what system_status says the store calls itself, when the keys could read it
     * @param keys     whether the store accepted the keys, refused them, or could not be reached
     */
    public record Report(List<ConnectionCheck> checks, Optional<String> homeUrl, Keys keys) {
    }

    public Report test(WooClient woo) {
        List<ConnectionCheck> checks = new ArrayList<>();
        JsonNode status;
        try {
            status = woo.get("system_status");
            checks.add(ConnectionCheck.pass("keys", "The store accepted the API keys and allows reading"));
        } catch (WooException e) {
            checks.add(keysFailed(e));
            return new Report(checks, Optional.empty(), e.code().isTransient() ? Keys.UNREACHABLE : Keys.REFUSED);
        }
        checks.add(writeCheck(woo));
        checks.add(versionCheck(status.path("environment").path("version").asText("")));
        checks.add(currencyCheck(woo));
        checks.add(stockCheck(woo));
        return new Report(checks, SiteAddresses.fromStatus(status), Keys.ACCEPTED);
    }

    private static ConnectionCheck keysFailed(WooException e) {
        return switch (e.code()) {
            case WOO_AUTH_FAILED, WOO_PERMISSION_DENIED -> ConnectionCheck.fail("keys",
                    "The store refused the API keys: " + e.storeMessage(),
                    e.advice() != null ? e.advice()
                            : "Link the store again, or create a Read/Write key in WooCommerce > Settings > Advanced > REST API and enter it");
            case WOO_URL_REFUSED -> ConnectionCheck.fail("keys", e.getMessage(),
                    "Use the public https address of the shop");
            case WOO_NOT_FOUND, WOO_BAD_RESPONSE -> ConnectionCheck.fail("keys",
                    "No WooCommerce REST API answered at this URL (" + e.getMessage() + ")",
                    "Check the store URL, that WooCommerce is active and that permalinks are not set to \"Plain\"");
            default -> ConnectionCheck.fail("keys", "The store could not be reached: " + e.getMessage(),
                    "Check that the shop is online, then try again");
        };
    }

    private static ConnectionCheck writeCheck(WooClient woo) {
        try {
            // an empty batch needs write permission but changes nothing
            woo.post("products/batch", JSON.createObjectNode());
            return ConnectionCheck.pass("write-permission", "The keys may write products and stock");
        } catch (WooException e) {
            if (e.code() == WooErrorCode.WOO_PERMISSION_DENIED || e.code() == WooErrorCode.WOO_AUTH_FAILED) {
                return ConnectionCheck.fail("write-permission", "The keys are read-only: " + e.getMessage(),
                        "Create a key with Read/Write permission in WooCommerce > Settings > Advanced > REST API");
            }
            return ConnectionCheck.warn("write-permission", "Could not confirm write permission: " + e.getMessage(),
                    "Try again later");
        }
    }

    static ConnectionCheck versionCheck(String version) {
        if (version.isBlank()) {
            return ConnectionCheck.warn("woocommerce-version", "The store did not report its WooCommerce version",
                    "Update WooCommerce to a current release");
        }
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major > MIN_VERSION[0] || major == MIN_VERSION[0] && minor >= MIN_VERSION[1]) {
                return ConnectionCheck.pass("woocommerce-version", "WooCommerce " + version);
            }
        } catch (NumberFormatException e) {
            return ConnectionCheck.warn("woocommerce-version", "Unrecognised WooCommerce version " + version,
                    "Update WooCommerce to a current release");
        }
        return ConnectionCheck.warn("woocommerce-version", "WooCommerce " + version + " is older than "
                + MIN_VERSION[0] + "." + MIN_VERSION[1], "Update WooCommerce to 7.9 or later");
    }

    private static ConnectionCheck currencyCheck(WooClient woo) {
        try {
            String currency = woo.get("settings/general/woocommerce_currency").path("value").asText("");
            return currency.isBlank()
                    ? ConnectionCheck.warn("currency", "The store has no currency set",
                    "Set the currency in WooCommerce > Settings > General")
                    : ConnectionCheck.pass("currency", "Prices are in " + currency);
        } catch (WooException e) {
            return ConnectionCheck.warn("currency", "Could not read the currency: " + e.getMessage(),
                    "Check that the key's user may manage WooCommerce settings");
        }
    }

    private static ConnectionCheck stockCheck(WooClient woo) {
        try {
            String manage = woo.get("settings/products/woocommerce_manage_stock").path("value").asText("");
            return "yes".equals(manage)
                    ? ConnectionCheck.pass("stock-management", "Stock management is enabled")
                    : ConnectionCheck.warn("stock-management", "Stock management is disabled: stock levels cannot be synced",
                    "Enable WooCommerce > Settings > Products > Inventory > \"Enable stock management\"");
        } catch (WooException e) {
            return ConnectionCheck.warn("stock-management", "Could not read the stock setting: " + e.getMessage(),
                    "Check that the key's user may manage WooCommerce settings");
        }
    }
}
