package com.counterlink.platform.web;

/**
 * Text the service accepts: Unicode that PostgreSQL can store and every client can read. NUL
 * (which PostgreSQL refuses in text) and halves of a surrogate pair (which are not Unicode text and
 * cannot be encoded as UTF-8) are refused wherever a client sends text.
 */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with {@code value} in the API's words, or null when it is fine. */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text (it contains half of a surrogate pair)";
            }
        }
        return null;
    }
}
