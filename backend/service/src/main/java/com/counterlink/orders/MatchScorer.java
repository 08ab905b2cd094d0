package com.counterlink.orders;

import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.orders.OrderViews.CustomerMatch;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How likely a Counterpoint customer is the web customer, 0–100 %, with the reasons. Each reason removes
 * part of the remaining doubt (1 − Π(1 − weight)), so more reasons always score higher and nothing short
 * of every detail reaches the top. Only a shared e-mail, phone, or last name with postal code makes a
 * candidate; a first name or street alone never does. Lives in the cloud so it can improve without a
 * bridge update.
 */
final class MatchScorer {

    enum Reason {
        SAME_EMAIL("same email", 0.80),
        SAME_PHONE("same phone", 0.60),
        SAME_LAST_NAME_AND_POSTAL_CODE("same last name and postal code", 0.50),
        SAME_STREET_ADDRESS("same street address", 0.30),
        SAME_FIRST_NAME("same first name", 0.20);

        final String label;
        final double weight;

        Reason(String label, double weight) {
            this.label = label;
            this.weight = weight;
        }

        boolean identifies() {
            return this == SAME_EMAIL || this == SAME_PHONE || this == SAME_LAST_NAME_AND_POSTAL_CODE;
        }
    }

    private MatchScorer() {
    }

    /** The candidates that share something identifying with the web customer, best first, then lowest CUST_NO. */
    static List<CustomerMatch> score(WebCustomer web, List<FindCustomerMatches.Candidate> candidates, String linkedCustNo) {
        List<CustomerMatch> matches = new ArrayList<>();
        for (FindCustomerMatches.Candidate candidate : candidates) {
            List<Reason> reasons = reasons(web, candidate);
            if (reasons.stream().noneMatch(Reason::identifies)) {
                continue;
            }
            double doubt = 1;
            for (Reason reason : reasons) {
                doubt *= 1 - reason.weight;
            }
            matches.add(new CustomerMatch(candidate.customerNo(), displayName(candidate), candidate.email(), candidate.phone(),
                    candidate.address1(), candidate.city(), candidate.zip(), (int) Math.round(100 * (1 - doubt)),
                    reasons.stream().map(r -> r.label).toList(), candidate.customerNo().equals(linkedCustNo)));
        }
        matches.sort(Comparator.comparingInt(CustomerMatch::percent).reversed().thenComparing(CustomerMatch::custNo));
        return matches;
    }

    static List<Reason> reasons(WebCustomer web, FindCustomerMatches.Candidate candidate) {
        List<Reason> reasons = new ArrayList<>();
        if (same(email(web.email()), email(candidate.email()))) {
            reasons.add(Reason.SAME_EMAIL);
        }
        if (samePhone(web.phone(), candidate.phone())) {
            reasons.add(Reason.SAME_PHONE);
        }
        if (same(words(web.lastName()), words(candidate.lastName())) && same(postalCode(web.zip()), postalCode(candidate.zip()))) {
            reasons.add(Reason.SAME_LAST_NAME_AND_POSTAL_CODE);
        }
        if (same(words(web.address1()), words(candidate.address1()))) {
            reasons.add(Reason.SAME_STREET_ADDRESS);
        }
        if (same(words(web.firstName()), words(candidate.firstName()))) {
            reasons.add(Reason.SAME_FIRST_NAME);
        }
        return reasons;
    }

    private static boolean same(String a, String b) {
        return a != null && !a.isEmpty() && a.equals(b);
    }

    private static String email(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Digits only, at most the last ten (as the bridge searches), so a country code or trunk prefix does not
     * matter ("+44 20 7946 0018" is "020 7946 0018"); the shorter may also lack the area code.
     */
    private static boolean samePhone(String a, String b) {
        String x = lastTen(FindCustomerMatches.phoneDigits(a));
        String y = lastTen(FindCustomerMatches.phoneDigits(b));
        if (Math.min(x.length(), y.length()) < FindCustomerMatches.MIN_PHONE_DIGITS) {
            return false;
        }
        return x.length() >= y.length() ? x.endsWith(y) : y.endsWith(x);
    }

    private static String lastTen(String digits) {
        return digits.substring(Math.max(0, digits.length() - 10));
    }

    /** Lower case without accents or punctuation, single spaces: "O'Brien" is "obrien", "1 Main St." is "1 main st". */
    private static String words(String value) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip();
    }

    private static String postalCode(String zip) {
        return zip == null ? null : zip.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static String displayName(FindCustomerMatches.Candidate candidate) {
        if (candidate.name() != null && !candidate.name().isBlank()) {
            return candidate.name().strip();
        }
        String joined = ((candidate.firstName() == null ? "" : candidate.firstName()) + " "
                + (candidate.lastName() == null ? "" : candidate.lastName())).strip();
        return joined.isEmpty() ? null : joined;
    }
}
