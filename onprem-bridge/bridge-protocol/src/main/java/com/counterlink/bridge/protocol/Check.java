package com.counterlink.bridge.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** The parameter rules both sides apply before anything reaches Counterpoint. */
public final class Check {

    /** Counterpoint codes (ITEM_NO, LOC_ID, STR_ID, ...): printable, no quotes or control characters. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _\\-./#&+]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Check() {
    }

    public static String code(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidParameterException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(field, "is longer than " + maxLength + " characters");
        }
        if (!CODE.matcher(value).matches()) {
            throw new InvalidParameterException(field, "contains characters a Counterpoint code cannot have");
        }
        return value;
    }

    public static String optionalCode(String field, String value, int maxLength) {
        return value == null ? null : code(field, value, maxLength);
    }

    public static String text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidParameterException(field, "is required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidParameterException(field, "is longer than " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidParameterException(field, "contains control characters");
        }
        return stripped;
    }

    public static String email(String field, String value, int maxLength) {
        String email = text(field, value, maxLength, true);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidParameterException(field, "is not an e-mail address");
        }
        return email;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static BigDecimal amount(String field, BigDecimal value, boolean positive) {
        if (value == null) {
            throw new InvalidParameterException(field, "is required");
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            throw new InvalidParameterException(field, positive ? "must be positive" : "must not be negative");
        }
        if (value.scale() > 4 || value.precision() - value.scale() > 11) {
            throw new InvalidParameterException(field, "does not fit Counterpoint's DECIMAL(15,4)");
        }
        return value;
    }

    public static <T> List<T> list(String field, List<T> values, int min, int max) {
        if (values == null || values.size() < min) {
            throw new InvalidParameterException(field, "needs at least " + min + " entr" + (min == 1 ? "y" : "ies"));
        }
        if (values.size() > max) {
            throw new InvalidParameterException(field, "has more than " + max + " entries");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidParameterException(field, "contains an empty entry");
        }
        return List.copyOf(values);
    }

    public static List<String> codes(String field, List<String> values, int min, int max, int maxLength) {
        List<String> checked = list(field, values, min, max);
        for (int i = 0; i < checked.size(); i++) {
            code(field + "[" + i + "]", checked.get(i), maxLength);
        }
        return checked.stream().distinct().toList();
    }
}
