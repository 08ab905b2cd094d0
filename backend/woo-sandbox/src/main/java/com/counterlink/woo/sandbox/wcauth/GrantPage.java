package com.counterlink.woo.sandbox.wcauth;

/** The "would like to connect to your store" page with its Approve and Deny links. */
final class GrantPage {
    private GrantPage() {}

    static String render(String appName, String scope, String callbackHost, String approveUrl, String denyUrl) {
        String access = switch (scope) {
            case "read" -> "Read";
            case "write" -> "Write";
            default -> "Read/Write";
        };
        String verb = switch (scope) {
            case "read" -> "View";
            case "write" -> "Create";
            default -> "View and manage";
        };
        String name = esc(appName);
        return "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\t<meta name=\"viewport\" content=\"width=device-width\" />\n"
                + "\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
                + "\t<meta name=\"robots\" content=\"noindex, nofollow\" />\n\t<title>Application authentication request</title>\n"
                + "</head>\n<body class=\"wc-auth wp-core-ui\">\n\t<div class=\"wc-auth-content\">\n\n<h1>\n\t" + name
                + " would like to connect to your store</h1>\n\n\n<p>\n\tThis will give &quot;<strong>" + name + "</strong>&quot; <strong>"
                + access + "</strong> access which will allow it to:</p>\n\n<ul class=\"wc-auth-permissions\">\n"
                + "\t\t\t<li>Create webhooks</li>\n"
                + "\t\t\t<li>" + verb + " coupons</li>\n"
                + "\t\t\t<li>" + verb + " customers</li>\n"
                + "\t\t\t<li>" + verb + " orders and sales reports</li>\n"
                + "\t\t\t<li>" + verb + " products</li>\n"
                + "\t</ul>\n\n<p>\n\tApproving will share credentials with <strong>" + esc(callbackHost)
                + "</strong>. Do not proceed if this looks suspicious in any way.</p>\n\n"
                + "<div class=\"wc-auth-logged-in-as\">\n\t<p>\n\t\tLogged in as admin\t</p>\n</div>\n\n"
                + "<p class=\"wc-auth-actions\">\n\t<a href=\"" + attr(approveUrl) + "\" class=\"button button-primary wc-auth-approve\">Approve</a>\n"
                + "\t<a href=\"" + attr(denyUrl) + "\" class=\"button wc-auth-deny\">Deny</a>\n</p>\n\n\t\t</div>\n\t</body>\n</html>\n";
    }

    private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"); }

    /** WordPress's esc_url writes ampersands in links as &#038;. */
    private static String attr(String url) { return url.replace("&", "&#038;").replace("\"", "%22"); }
}
