package com.counterlink.orders;

import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.MapFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A store's order settings, kept under {@code orders} in the site's settings: which WooCommerce status
 * sends an order and as what, the Counterpoint store/station/drawer, the pay code per payment method,
 * the tax code, the misc charge for shipping (null: Counterpoint's e-commerce misc charge,
 * EC_CTL.ORD_MISC_CHRG_NO), the misc charge for fees. Every field has a validated default. Whether
 * shipping and fees are taxable is not a setting: it is what WooCommerce charged tax on, order by order
 * (a {@code shippingTaxable} kept from earlier versions is ignored). {@code referencePrefix} goes before the web order
 * number in Counterpoint's reference, so stores' equal order numbers stay apart; null until one is saved
 * ({@link ReferencePrefixes} answers the store's default then).
 */
public record OrderSettings(String sendStatus, String documentType, String storeId, String stationId, String drawerId,
                            String defaultPayCode, Map<String, String> payCodes, String taxCode, int lookbackMinutes,
                            Integer shippingMiscCharge, int feeMiscCharge, String referencePrefix) {

    static final List<String> STATUSES = List.of("pending", "processing", "on-hold", "completed");
    /** WooCommerce payment methods a store maps to pay codes; a store has a handful. */
    static final int MAX_PAY_CODES = 50;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,10}");
    /** Counterpoint's PS_DOC_HDR.REF holds 20 characters: the prefix and the web order number. */
    static final int REFERENCE_LENGTH = 20;
    /** At most 6, so a WooCommerce order number of up to 14 characters follows it whole. */
    static final int PREFIX_LENGTH = 6;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_\\-/.]{1," + PREFIX_LENGTH + "}");

    public static OrderSettings defaults() {
        return new OrderSettings("completed", "T", "WEB", "WEB-01", "WEB", "WEB", Map.of(), "WEB", 10, null, 2, null);
    }

    public OrderSettings {
        if (sendStatus == null || !STATUSES.contains(sendStatus)) {
            throw invalid("sendStatus", "must be one of " + String.join(", ", STATUSES));
        }
        if (!"T".equals(documentType) && !"O".equals(documentType)) {
            throw invalid("documentType", "must be T (ticket) or O (open order)");
        }
        code("storeId", storeId);
        code("stationId", stationId);
        code("drawerId", drawerId);
        code("defaultPayCode", defaultPayCode);
        code("taxCode", taxCode);
        payCodes = payCodes == null ? Map.of() : Map.copyOf(payCodes);
        if (payCodes.size() > MAX_PAY_CODES) {
            throw invalid("payCodes", "must name at most " + MAX_PAY_CODES + " payment methods");
        }
        payCodes.forEach((method, code) -> {
            if (method.isBlank() || method.length() > 100) {
                throw invalid("payCodes." + method, "must be a WooCommerce payment method id of 1 to 100 characters");
            }
            code("payCodes." + method, code);
        });
        if (lookbackMinutes < 1 || lookbackMinutes > 24 * 60) {
            throw invalid("lookbackMinutes", "must be between 1 and 1440");
        }
        if (shippingMiscCharge != null && (shippingMiscCharge < 1 || shippingMiscCharge > 5)) {
            throw invalid("shippingMiscCharge", "must be a Counterpoint misc charge, 1 to 5 (or null for EC_CTL's)");
        }
        if (feeMiscCharge < 1 || feeMiscCharge > 5) {
            throw invalid("feeMiscCharge", "must be a Counterpoint misc charge, 1 to 5");
        }
        if (shippingMiscCharge != null && shippingMiscCharge == feeMiscCharge) {
            throw invalid("feeMiscCharge", "must be a different misc charge than shippingMiscCharge");
        }
        if (referencePrefix != null && !PREFIX.matcher(referencePrefix).matches()) {
            throw invalid("referencePrefix", "must be 1 to " + PREFIX_LENGTH + " letters, digits, -, _, / or . (the web order"
                    + " number follows it in Counterpoint's " + REFERENCE_LENGTH + "-character reference)");
        }
    }

    /** The same settings with this reference prefix. */
    public OrderSettings withReferencePrefix(String prefix) {
        return new OrderSettings(sendStatus, documentType, storeId, stationId, drawerId, defaultPayCode, payCodes, taxCode,
                lookbackMinutes, shippingMiscCharge, feeMiscCharge, prefix);
    }

    /**
     * The web order's reference in Counterpoint (PS_DOC_HDR.REF): the prefix and the order number, whose last
     * characters are kept if both would not fit the 20 characters.
     */
    String reference(String wooNumber) {
        String prefix = referencePrefix == null ? "" : referencePrefix;
        String number = wooNumber == null ? "" : wooNumber.strip();
        int room = REFERENCE_LENGTH - prefix.length();
        return prefix + (number.length() > room ? number.substring(number.length() - room) : number);
    }

    /**
     * From a site's settings map (absent or partial settings take the defaults). A value of the wrong type
     * is refused with its field's name, never read as the default.
     */
    public static OrderSettings of(Map<String, Object> siteSettings) {
        Object raw = siteSettings == null ? null : siteSettings.get("orders");
        if (!(raw instanceof Map<?, ?> map)) {
            return defaults();
        }
        OrderSettings d = defaults();
        MapFields m = MapFields.of(map);
        String documentType = m.text("documentType", d.documentType());
        String sendStatus = m.text("sendStatus", "O".equals(documentType) ? "processing" : d.sendStatus());
        String storeId = m.text("storeId", d.storeId());
        String stationId = m.text("stationId", d.stationId());
        String drawerId = m.text("drawerId", d.drawerId());
        String defaultPayCode = m.text("defaultPayCode", d.defaultPayCode());
        Map<String, String> payCodes = m.textMap("payCodes", MAX_PAY_CODES);
        String taxCode = m.text("taxCode", d.taxCode());
        int lookbackMinutes = m.wholeNumber("lookbackMinutes", d.lookbackMinutes());
        Integer shippingMiscCharge = m.wholeNumber("shippingMiscCharge", null);
        int feeMiscCharge = m.wholeNumber("feeMiscCharge", d.feeMiscCharge());
        String referencePrefix = m.text("referencePrefix", null);
        m.throwIfInvalid();
        return new OrderSettings(sendStatus, documentType, storeId, stationId, drawerId, defaultPayCode, payCodes, taxCode,
                lookbackMinutes, shippingMiscCharge, feeMiscCharge,
                referencePrefix == null || referencePrefix.isBlank() ? null : referencePrefix.strip());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sendStatus", sendStatus);
        m.put("documentType", documentType);
        m.put("storeId", storeId);
        m.put("stationId", stationId);
        m.put("drawerId", drawerId);
        m.put("defaultPayCode", defaultPayCode);
        m.put("payCodes", payCodes);
        m.put("taxCode", taxCode);
        m.put("lookbackMinutes", lookbackMinutes);
        m.put("shippingMiscCharge", shippingMiscCharge);
        m.put("feeMiscCharge", feeMiscCharge);
        m.put("referencePrefix", referencePrefix);
        return m;
    }

    String payCodeFor(String paymentMethod) {
        return paymentMethod == null ? defaultPayCode : payCodes.getOrDefault(paymentMethod, defaultPayCode);
    }

    private static void code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw invalid(field, "must be a Counterpoint code of 1 to 10 letters, digits, - or _");
        }
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.invalidField(field, message);
    }
}
