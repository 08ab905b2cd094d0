package com.counterlink.woo.sandbox.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's wpautop(), which WooCommerce runs over a product's description for the "view" context: text becomes
 * paragraphs, single newlines become {@code <br />}, and block elements (a {@code <p>} the description already has)
 * are not wrapped again. Not ported: {@code <pre>}, {@code <option>} and {@code <object>} special cases.
 */
final class Autop {
    private static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map"
            + "|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure"
            + "|figcaption|details|menu|summary)";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern KEEP_NEWLINES = Pattern.compile("<(script|style|svg|math).*?</\\1>", Pattern.DOTALL);
    private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";

    private Autop() {}

    static String autop(String input) {
        if (input == null || input.trim().isEmpty()) return "";
        String text = input + "\n";
        text = text.replaceAll("<br\\s*/?>\\s*<br\\s*/?>", "\n\n");
        text = text.replaceAll("(<" + BLOCKS + "[\\s/>])", "\n\n$1");
        text = text.replaceAll("(</" + BLOCKS + ">)", "$1\n\n");
        text = text.replaceAll("(<hr\\s*?/?>)", "$1\n\n");
        text = text.replace("\r\n", "\n").replace("\r", "\n");
        text = replace(TAG, text, m -> m.group().replace("\n", NEWLINE_IN_TAG));
        text = text.replaceAll("\n\n+", "\n\n");
        StringBuilder wrapped = new StringBuilder();
        for (String paragraph : text.split("\n\\s*\n")) {
            if (paragraph.isEmpty()) continue;
            wrapped.append("<p>").append(trimNewlines(paragraph)).append("</p>\n");
        }
        text = wrapped.toString();
        text = text.replaceAll("<p>\\s*</p>", "");
        text = text.replaceAll("<p>([^<]+)</(div|address|form)>", "<p>$1</p></$2>");
        text = text.replaceAll("<p>\\s*(</?" + BLOCKS + "[^>]*>)\\s*</p>", "$1");
        text = text.replaceAll("<p>(<li.+?)</p>", "$1");
        text = text.replaceAll("(?i)<p><blockquote([^>]*)>", "<blockquote$1><p>");
        text = text.replace("</blockquote></p>", "</p></blockquote>");
        text = text.replaceAll("<p>\\s*(</?" + BLOCKS + "[^>]*>)", "$1");
        text = text.replaceAll("(</?" + BLOCKS + "[^>]*>)\\s*</p>", "$1");
        text = replace(KEEP_NEWLINES, text, m -> m.group().replace("\n", "<WPPreserveNewline />"));
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />");
        text = text.replaceAll("(?<!<br />)\\s*\n", "<br />\n");
        text = text.replace("<WPPreserveNewline />", "\n");
        text = text.replaceAll("(</?" + BLOCKS + "[^>]*>)\\s*<br />", "$1");
        text = text.replaceAll("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", "$1");
        text = text.replaceAll("\n</p>$", "</p>");
        return text.replace(NEWLINE_IN_TAG, "\n").replace("<!-- wpnl -->", "\n");
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') start++;
        while (end > start && s.charAt(end - 1) == '\n') end--;
        return s.substring(start, end);
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(out);
        return out.toString();
    }
}
