package com.counterlink.woo.sandbox.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's kses filter for post content ({@code wp_filter_post_kses()}, which WooCommerce runs on product names and
 * descriptions): elements outside the post allow-list lose their tags (their text stays: {@code <script>x</script>}
 * becomes {@code x}), attributes outside an element's list ({@code on*} handlers, say) are dropped, URL attributes lose
 * unknown protocols ({@code javascript:}), and a lone {@code &} becomes {@code &amp;}. Not ported: the CSS filter of
 * {@code style} values and the allow-lists of rarely used elements.
 */
public final class Kses {
    private static final Pattern SPLIT = Pattern.compile("(<!--.*?(-->|$))|(<[^>]*(>|$)|>)", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^<\\s*(/\\s*)?([a-zA-Z0-9-]+)([^>]*)>?$", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([_a-zA-Z][-_a-zA-Z0-9:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+)))?");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&amp;([A-Za-z]{2,8}[0-9]{0,2});");
    private static final Pattern DECIMAL_ENTITY = Pattern.compile("&amp;#(0*[0-9]{1,7});");
    private static final Pattern HEX_ENTITY = Pattern.compile("&amp;#[Xx](0*[0-9A-Fa-f]{1,6});");
    private static final Pattern PROTOCOL = Pattern.compile("^\\s*([^\\s:/?#]+)\\s*(?::|&#0*58;|&#x0*3a;)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ALLOWED_PROTOCOLS = Set.of("http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6",
            "ircs", "gopher", "nntp", "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn");
    private static final Set<String> URI_ATTRIBUTES = Set.of("action", "archive", "background", "cite", "classid", "codebase",
            "data", "formaction", "href", "icon", "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns");
    /** _wp_add_global_attributes(). */
    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of("aria-controls", "aria-current", "aria-describedby", "aria-details",
            "aria-expanded", "aria-hidden", "aria-label", "aria-labelledby", "aria-live", "class", "dir", "hidden", "id", "lang",
            "style", "title", "role", "xml:lang");
    private static final Set<String> ENTITY_NAMES = Set.of("nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
            "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "acute", "micro", "para", "middot",
            "cedil", "ordm", "raquo", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
            "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
            "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
            "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml",
            "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
            "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml", "quot", "amp", "lt", "gt", "apos",
            "OElig", "oelig", "Scaron", "scaron", "Yuml", "circ", "tilde", "ensp", "emsp", "thinsp", "zwnj", "zwj", "lrm",
            "rlm", "ndash", "mdash", "lsquo", "rsquo", "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger", "permil",
            "lsaquo", "rsaquo", "euro", "fnof", "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota",
            "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi",
            "Omega", "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "thetasym",
            "upsih", "piv", "bull", "hellip", "prime", "Prime", "oline", "frasl", "weierp", "image", "real", "trade",
            "alefsym", "larr", "uarr", "rarr", "darr", "harr", "crarr", "lArr", "uArr", "rArr", "dArr", "hArr", "forall",
            "part", "exist", "empty", "nabla", "isin", "notin", "ni", "prod", "sum", "minus", "lowast", "radic", "prop",
            "infin", "ang", "and", "or", "cap", "cup", "int", "sim", "cong", "asymp", "ne", "equiv", "le", "ge", "sub", "sup",
            "nsub", "sube", "supe", "oplus", "otimes", "perp", "sdot", "lceil", "rceil", "lfloor", "rfloor", "lang", "rang",
            "loz", "spades", "clubs", "hearts", "diams");
    /** $allowedposttags: element → its own attributes (global attributes are added to all). */
    private static final Map<String, Set<String>> POST_TAGS = new HashMap<>();

    static {
        Set<String> none = Set.of();
        Set<String> align = Set.of("align");
        Set<String> cell = Set.of("abbr", "align", "axis", "bgcolor", "char", "charoff", "colspan", "headers", "height", "nowrap",
                "rowspan", "scope", "valign", "width");
        Set<String> rows = Set.of("align", "char", "charoff", "valign");
        for (String t : List.of("abbr", "acronym", "article", "aside", "b", "big", "code", "dd", "dfn", "dl", "dt", "em", "figure",
                "figcaption", "footer", "header", "hgroup", "i", "kbd", "main", "mark", "nav", "rb", "rp", "rt", "rtc", "ruby",
                "s", "samp", "section", "small", "strike", "strong", "sub", "summary", "sup", "tt", "u", "var", "address", "bdo",
                "cite", "br")) {
            POST_TAGS.put(t, none);
        }
        for (String t : List.of("p", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend", "li")) POST_TAGS.put(t, align);
        POST_TAGS.put("li", Set.of("align", "value"));
        POST_TAGS.put("a", Set.of("href", "rel", "rev", "name", "target", "download", "hreflang"));
        POST_TAGS.put("img", Set.of("alt", "align", "border", "height", "hspace", "loading", "longdesc", "vspace", "src", "usemap", "width"));
        POST_TAGS.put("blockquote", Set.of("cite"));
        POST_TAGS.put("q", Set.of("cite"));
        POST_TAGS.put("del", Set.of("datetime"));
        POST_TAGS.put("ins", Set.of("datetime", "cite"));
        POST_TAGS.put("hr", Set.of("align", "noshade", "size", "width"));
        POST_TAGS.put("pre", Set.of("width"));
        POST_TAGS.put("ul", Set.of("type"));
        POST_TAGS.put("ol", Set.of("start", "type", "reversed"));
        POST_TAGS.put("table", Set.of("align", "bgcolor", "border", "cellpadding", "cellspacing", "rules", "summary", "width"));
        POST_TAGS.put("td", cell);
        POST_TAGS.put("th", cell);
        POST_TAGS.put("tr", Set.of("align", "bgcolor", "char", "charoff", "valign"));
        POST_TAGS.put("thead", rows);
        POST_TAGS.put("tbody", rows);
        POST_TAGS.put("tfoot", rows);
        POST_TAGS.put("col", Set.of("align", "char", "charoff", "span", "dir", "valign", "width"));
        POST_TAGS.put("colgroup", Set.of("align", "char", "charoff", "span", "valign", "width"));
        POST_TAGS.put("details", Set.of("align", "open"));
        POST_TAGS.put("font", Set.of("color", "face", "size"));
        POST_TAGS.put("label", Set.of("for"));
        POST_TAGS.put("fieldset", none);
        POST_TAGS.put("form", Set.of("action", "accept", "accept-charset", "enctype", "method", "name", "target"));
        POST_TAGS.put("button", Set.of("disabled", "name", "type", "value"));
        POST_TAGS.put("textarea", Set.of("cols", "rows", "disabled", "name", "readonly"));
        POST_TAGS.put("map", Set.of("name"));
        POST_TAGS.put("area", Set.of("alt", "coords", "href", "nohref", "shape", "target"));
        POST_TAGS.put("menu", Set.of("type"));
        POST_TAGS.put("video", Set.of("autoplay", "controls", "height", "loop", "muted", "playsinline", "poster", "preload", "src", "width"));
        POST_TAGS.put("audio", Set.of("autoplay", "controls", "loop", "muted", "preload", "src"));
        POST_TAGS.put("track", Set.of("default", "kind", "label", "src", "srclang"));
    }

    private Kses() {}

    /** wp_filter_post_kses(): the input is treated as slashed, so backslashes escape (and vanish) first. */
    public static String filterPost(String text) {
        return post(stripSlashes(text));
    }

    /** wp_kses( $text, 'post' ). */
    public static String post(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        String s = text.replace("\0", "");
        s = normalizeEntities(s);
        Matcher m = SPLIT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(split2(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    /** wp_kses_normalize_entities(): a lone & becomes &amp;, known entities stay as they are. */
    static String normalizeEntities(String s) {
        String out = s.replace("&", "&amp;");
        out = replace(NAMED_ENTITY, out, m -> ENTITY_NAMES.contains(m.group(1)) ? "&" + m.group(1) + ";" : m.group());
        out = replace(DECIMAL_ENTITY, out, m -> validCodePoint(Long.parseLong(m.group(1)))
                ? "&#" + padLeft(m.group(1).replaceFirst("^0+", ""), 3) + ";" : m.group());
        out = replace(HEX_ENTITY, out, m -> validCodePoint(Long.parseLong(m.group(1), 16)) ? "&#x" + m.group(1).replaceFirst("^0+(?=.)", "") + ";" : m.group());
        return out;
    }

    private static String padLeft(String digits, int width) {
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static boolean validCodePoint(long i) {
        return i == 0x9 || i == 0xa || i == 0xd || i >= 0x20 && i <= 0xd7ff || i >= 0xe000 && i <= 0xfffd || i >= 0x10000 && i <= 0x10ffff;
    }

    /** wp_kses_split2(): one tag-like token. */
    private static String split2(String token) {
        String t = token.replace("\\\"", "\"");
        if (!t.startsWith("<")) return "&gt;";
        if (t.startsWith("<!--")) {
            String inner = t.replace("<!--", "").replace("-->", "");
            for (String next = post(inner); !next.equals(inner); next = post(inner)) inner = next;
            if (inner.isEmpty()) return "";
            inner = inner.replaceAll("--+", "-").replaceAll("-$", "");
            return "<!--" + inner + "-->";
        }
        Matcher m = TAG.matcher(t);
        if (!m.matches()) return "";
        String slash = m.group(1) == null ? "" : m.group(1).trim();
        String element = m.group(2);
        Set<String> allowed = POST_TAGS.get(element.toLowerCase(Locale.ROOT));
        if (allowed == null) return "";
        if (!slash.isEmpty()) return "</" + element + ">";
        return attributes(element, m.group(3), allowed);
    }

    /** wp_kses_attr(): keeps the element's allowed attributes (and data-*), with safe URL values. */
    private static String attributes(String element, String attrList, Set<String> allowed) {
        List<String> kept = new ArrayList<>();
        Matcher a = ATTRIBUTE.matcher(attrList);
        while (a.find()) {
            String name = a.group(1);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean ok = allowed.contains(lower) || GLOBAL_ATTRIBUTES.contains(lower) || lower.matches("data(?:-[a-z0-9_]+)+");
            if (!ok) continue;
            if (a.group(2) == null && a.group(3) == null && a.group(4) == null) {
                kept.add(name);
                continue;
            }
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
            if (URI_ATTRIBUTES.contains(lower)) value = badProtocol(value);
            kept.add(a.group(3) != null ? name + "='" + value + "'" : name + "=\"" + value + "\"");
        }
        String xhtmlSlash = attrList.matches("(?s).*\\s*/\\s*$") ? " /" : "";
        return "<" + element + (kept.isEmpty() ? "" : " " + String.join(" ", kept)) + xhtmlSlash + ">";
    }

    /** wp_kses_bad_protocol(): strips protocols that are not allowed, until none is left. */
    private static String badProtocol(String value) {
        String v = value;
        for (int i = 0; i < 6; i++) {
            Matcher m = PROTOCOL.matcher(v);
            if (!m.find() || ALLOWED_PROTOCOLS.contains(m.group(1).toLowerCase(Locale.ROOT))) return v;
            v = v.substring(m.end());
        }
        return "";
    }

    /** PHP stripslashes(). */
    static String stripSlashes(String s) {
        if (s == null || s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') out.append(c);
            else if (i + 1 < s.length()) out.append(s.charAt(++i));
        }
        return out.toString();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(out);
        return out.toString();
    }
}
