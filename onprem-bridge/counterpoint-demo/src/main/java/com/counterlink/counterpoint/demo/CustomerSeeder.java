package com.counterlink.counterpoint.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeds customers the way real Counterpoint data looks: most have a unique e-mail, but some share one
 * in different letter case, with stray spaces, exactly, or have none, because e-mail matching must cope.
 */
final class CustomerSeeder {
    private static final String USER = "MGR";
    private static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Chloé", "David", "Elif", "Frank", "Grace", "Hiro", "Inès", "Jonas", "Kofi", "Lena", "Mateo", "Noor", "Zoë");
    private static final List<String> LAST_NAMES = List.of(
            "Smith", "García", "Müller", "Johnson", "Nguyen", "O'Brien", "Rossi", "Kowalski", "Dubois", "Brown", "Tanaka");
    private static final List<String> CITIES = List.of("Memphis", "Nashville", "Austin", "Denver", "Portland");

    private final Random random;
    private final LocalDateTime maintained;

    CustomerSeeder(Random random, LocalDateTime maintained) {
        this.random = random;
        this.maintained = maintained;
    }

    static String customerNumber(int n) {
        return String.valueOf(100_000 + n);
    }

    int seed(Connection connection, int customerCount) throws SQLException {
        List<String> baseEmails = new ArrayList<>();
        try (BatchInserter customers = new BatchInserter(connection, "AR_CUST",
                "CUST_NO", "NAM", "NAM_UPR", "FST_NAM", "LST_NAM", "CUST_NAM_TYP", "ADRS_1", "CITY", "STATE", "ZIP_COD",
                "CNTRY", "PHONE_1", "EMAIL_ADRS_1", "STR_ID", "TAX_COD", "IS_ECOMM_CUST", "LOY_PTS_BAL",
                "LST_MAINT_DT", "LST_MAINT_USR_ID");
             BatchInserter shipTo = new BatchInserter(connection, "AR_SHIP_ADRS",
                "CUST_NO", "SHIP_ADRS_ID", "NAM", "FST_NAM", "LST_NAM", "ADRS_1", "CITY", "STATE", "ZIP_COD", "CNTRY", "LST_MAINT_DT")) {
            customers.add(DemoStoreSetup.WALK_IN_CUSTOMER, "Cash customer", "CASH CUSTOMER", null, null, "B", null, null,
                    null, null, null, null, null, DemoStoreSetup.MAIN_STORE, "MEMTN", "N", 0, maintained, USER);
            customers.add(DemoStoreSetup.WEB_TEMPLATE_CUSTOMER, "Web customer template", "WEB CUSTOMER TEMPLATE", null, null,
                    "B", null, null, null, null, null, null, null, DemoStoreSetup.WEB_STORE, DemoStoreSetup.WEB_TAX_CODE,
                    "N", 0, maintained, USER);
            for (int n = 1; n <= customerCount; n++) {
                String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
                String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
                baseEmails.add(ascii(first) + "." + ascii(last) + n + "@example.com");
                String name = first + " " + last;
                String city = CITIES.get(random.nextInt(CITIES.size()));
                String street = (1 + random.nextInt(9_999)) + " Main St";
                customers.add(customerNumber(n), name, name.toUpperCase(), first, last, "P", street, city, "TN",
                        String.format("%05d", 37_000 + random.nextInt(999)), "US", String.format("901-555-%04d", random.nextInt(10_000)),
                        email(n, baseEmails), DemoStoreSetup.MAIN_STORE, "MEMTN", n % 10 == 3 || n % 5 == 0 ? "Y" : "N",
                        random.nextInt(500), maintained, USER);
                if (n % 7 == 0) {
                    shipTo.add(customerNumber(n), "1", name, first, last, "77 Harbor Rd", "Nashville", "TN", "37201", "US", maintained);
                }
            }
        }
        return customerCount + 2;
    }

    /** Customer n's e-mail; baseEmails holds the plain e-mails of customers 1..n. */
    private static String email(int n, List<String> baseEmails) {
        return switch (n % 10) {
            case 3 -> n > 1 ? mixedCase(baseEmails.get(n - 2)) : baseEmails.get(n - 1);
            case 6 -> n > 2 ? "  " + baseEmails.get(n - 3) + " " : baseEmails.get(n - 1);
            case 8 -> null;
            case 9 -> n > 2 ? baseEmails.get(n - 3) : baseEmails.get(n - 1);
            default -> baseEmails.get(n - 1);
        };
    }

    private static String mixedCase(String email) {
        StringBuilder result = new StringBuilder(email.length());
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            result.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return result.toString();
    }

    private static String ascii(String name) {
        String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase();
    }
}
