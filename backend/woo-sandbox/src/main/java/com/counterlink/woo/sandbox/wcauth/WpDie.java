package com.counterlink.woo.sandbox.wcauth;

import com.counterlink.woo.sandbox.http.Response;

/** The HTML error page WordPress's wp_die() prints. */
final class WpDie {
    private WpDie() {}

    static Response page(int status, String message) {
        String html = "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n"
                + "\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n"
                + "\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n"
                + "\t\t<meta name='robots' content='noindex, nofollow' />\n"
                + "\t<title>Access denied</title>\n</head>\n<body id=\"error-page\">\n"
                + "\t<div class=\"wp-die-message\">" + escape(message) + "</div></body>\n</html>\n\t";
        Response r = new Response(status, "text/html; charset=utf-8", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        r.header("Expires", "Wed, 11 Jan 1984 05:00:00 GMT");
        r.header("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private");
        return r;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
