package com.counterlink.bridge.agent;

/** Counterpoint's "next number" fields (NXT_CUST_NO "OL-100001", NXT_TKT_NO "W100001"): the numeric tail counts up. */
final class NumberSequence {

    private NumberSequence() {
    }

    static String successor(String value) {
        int start = value.length();
        while (start > 0 && Character.isDigit(value.charAt(start - 1))) {
            start--;
        }
        if (start == value.length()) {
            return value + "1";
        }
        String digits = value.substring(start);
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        String padded = next.length() < digits.length() ? "0".repeat(digits.length() - next.length()) + next : next;
        return value.substring(0, start) + padded;
    }
}
