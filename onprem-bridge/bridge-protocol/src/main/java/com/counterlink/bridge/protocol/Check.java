package com.counterlink.bridge.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parameter rules both sides apply before anything reaches Counterpoint. */
public final class Check {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Check() {
    }

    /**
     * A Counterpoint code (ITEM_NO, LOC_ID, STR_ID, a grid value...) to send on: whatever Counterpoint lets
     * a retailer type, accents, spaces, slashes and quotes included (every value is a bound parameter,
     * never part of the SQL), but nothing that is not safe to show, store and send on.
     */
    public static String code(String field, String value, int maxLength) {
        Optional<String> problem = codeProblem(value, maxLength);
        if (problem.isPresent()) {
            throw new InvalidParameterException(field, problem.get());
        }
        return value;
    }

    /**
     * Why {@code value} cannot be a code, if it cannot: empty, longer than its column, a control or
     * invisible character (which WooCommerce, logs and screens would drop or hide), or spaces around it
     * (which SQL Server ignores when it compares, so two codes would be one).
     */
    public static Optional<String> codeProblem(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is empty");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            return Optional.of("is " + length + " characters long; at most " + maxLength + " fit");
        }
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (hidden(codePoints[i])) {
                return Optional.of("has " + describe(codePoints[i]) + " at position " + (i + 1));
            }
        }
        if (space(codePoints[0]) || space(codePoints[codePoints.length - 1])) {
            return Optional.of("starts or ends with a space");
        }
        return Optional.empty();
    }

    /**
     * A position in one of Counterpoint's change feeds: a key Counterpoint itself holds, handed back as
     * it came, so it is only bounded in length. Whatever its characters, the feed must be able to move
     * past it (the item itself is refused where it would be sent on).
     */
    public static String key(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidParameterException(field, "is required");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidParameterException(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** The value with every control or invisible character written out, e.g. {@code PASTED[tab]ITEM}: safe to show and store. */
    public static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (hidden(c)) {
                shown.append('[').append(name(c)).append(']');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static boolean space(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static String describe(int codePoint) {
        return (Character.getType(codePoint) == Character.CONTROL ? "a control character" : "an invisible character")
                + " (" + name(codePoint) + ")";
    }

    private static String name(int codePoint) {
        return switch (codePoint) {
            case '\t' -> "tab";
            case '\n' -> "line break";
            case '\r' -> "carriage return";
            default -> String.format("U+%04X", codePoint);
        };
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
