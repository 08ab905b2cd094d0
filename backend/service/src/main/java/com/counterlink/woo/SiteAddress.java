package com.counterlink.woo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A store's address as WooCommerce compares it. WooCommerce checks OAuth 1.0a signatures against
 * its own {@code home_url}, so a store entered under another name for the same site (localhost
 * for 127.0.0.1, www or not, http for https, another port or path) fails every signed request.
 */
public final class SiteAddress {

    private static final int MAX_LENGTH = 2048;

    private SiteAddress() {
    }

    /**
     * An absolute http(s) address without trailing slashes, query or fragment, as a site reports its
     * own address; empty for anything else.
     */
    public static Optional<String> parse(String reported) {
        if (reported == null || reported.isBlank() || reported.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(reported.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return Optional.of(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether two addresses name the same site for WooCommerce: same scheme, host, port and path. */
    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    private static String key(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + ":" + port + path;
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** What to tell a person when the store calls itself something else than the address entered. */
    public static String mismatch(String entered, String own) {
        return "WooCommerce calls this site " + own + ", not " + entered;
    }

    /** The advice for WooCommerce's "Invalid signature - provided signature does not match.". */
    public static String invalidSignatureAdvice(String entered, String own) {
        if (own != null && !same(entered, own)) {
            return mismatch(entered, own) + ": use " + own + " as the store's address in Counterlink. If the signature"
                    + " is still refused, the key's secret is wrong: link the store again.";
        }
        return "WooCommerce checks signatures against the site's own address: check that the store's address in"
                + " Counterlink is exactly the Site Address in WordPress > Settings > General (same http or https,"
                + " host name and port; localhost and 127.0.0.1 differ). If it is, the key's secret is wrong: link"
                + " the store again.";
    }
}
