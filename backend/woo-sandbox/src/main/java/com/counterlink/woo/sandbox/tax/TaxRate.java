package com.counterlink.woo.sandbox.tax;

import java.math.BigDecimal;
import java.util.Locale;

/** A woocommerce_tax_rates row. */
public final class TaxRate {
    public long id;
    public String country = "";
    public String state = "";
    public String postcode = "";
    public String city = "";
    public BigDecimal rate = BigDecimal.ZERO;
    public String name = "";
    public int priority = 1;
    public boolean compound;
    public boolean shipping = true;
    public int order;
    public String taxClass = "standard";

    /** WC_Tax::get_rate_code: COUNTRY-STATE-NAME-PRIORITY with empty parts dropped. */
    public String rateCode() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[]{country, state, name.isEmpty() ? "TAX" : name, String.valueOf(priority)}) {
            if (part == null || part.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append('-');
            sb.append(part);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    public boolean matches(String country, String state, String postcode, String city, String productTaxClass) {
        String cls = productTaxClass == null || productTaxClass.isEmpty() ? "standard" : productTaxClass;
        if (!cls.equals(taxClass)) return false;
        if (!this.country.isEmpty() && !this.country.equalsIgnoreCase(country)) return false;
        if (!this.state.isEmpty() && !this.state.equalsIgnoreCase(state)) return false;
        if (!this.postcode.isEmpty() && !matchesPostcode(postcode)) return false;
        return this.city.isEmpty() || this.city.equalsIgnoreCase(city);
    }

    private boolean matchesPostcode(String given) {
        if (given == null) return false;
        for (String p : postcode.split(";")) {
            String pc = p.trim().toUpperCase(Locale.ROOT);
            if (pc.endsWith("*") ? given.toUpperCase(Locale.ROOT).startsWith(pc.substring(0, pc.length() - 1)) : pc.equalsIgnoreCase(given)) return true;
        }
        return false;
    }
}
