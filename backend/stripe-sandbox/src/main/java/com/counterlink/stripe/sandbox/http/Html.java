package com.counterlink.stripe.sandbox.http;

/** Minimal HTML helpers for the sandbox's hosted pages (Checkout, Customer Portal, hosted invoice). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
                + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}"
                + ".error{color:#b00020}.sandbox{background:#fff3cd;padding:.5rem;border-radius:4px}"
                + "button{margin:.3rem .3rem .3rem 0;padding:.5rem 1rem}</style></head><body>\n"
                + "<p class=\"sandbox\">Stripe sandbox (test mode): no real card is charged.</p>\n" + body + "\n</body></html>\n";
    }

    /** A form whose single button POSTs {@code fields} to {@code action}. */
    public static String button(String action, String label, String name, String... fields) {
        StringBuilder b = new StringBuilder("<form method=\"post\" action=\"").append(escape(action)).append("\" style=\"display:inline\">");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            b.append("<input type=\"hidden\" name=\"").append(escape(fields[i])).append("\" value=\"").append(escape(fields[i + 1])).append("\">");
        }
        return b.append("<button type=\"submit\" name=\"").append(escape(name)).append("\">").append(escape(label)).append("</button></form>").toString();
    }
}
