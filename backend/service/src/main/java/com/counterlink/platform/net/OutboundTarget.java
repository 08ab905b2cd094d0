package com.counterlink.platform.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;

/**
 * A URL the outbound policy checked, with the address it checked: calls connect to exactly that
 * address, so a host name that resolves elsewhere a moment later (DNS rebinding) changes nothing.
 *
 * @param uri     the URL as given (its host is a name or a literal)
 * @param address the first of the host's addresses, all of which the policy checked
 */
public record OutboundTarget(URI uri, InetAddress address) {

    /**
     * The request URL aimed at the checked address: the host replaced by its IP literal, everything else
     * (port, raw path and query) kept byte for byte. {@code request} must be on the same host as {@link #uri}.
     */
    public URI connectUri(URI request) {
        if (request.getHost() == null || !request.getHost().equalsIgnoreCase(uri.getHost())) {
            throw new IllegalArgumentException("not on the checked host: " + request);
        }
        StringBuilder pinned = new StringBuilder(request.getScheme()).append("://").append(literal());
        if (request.getPort() != -1) {
            pinned.append(':').append(request.getPort());
        }
        pinned.append(request.getRawPath() == null ? "" : request.getRawPath());
        if (request.getRawQuery() != null) {
            pinned.append('?').append(request.getRawQuery());
        }
        return URI.create(pinned.toString());
    }

    /** The {@code Host} header the server expects: the original host (and port, when the URL names one). */
    public String hostHeader() {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private String literal() {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = text.indexOf('%');
            return "[" + (scope >= 0 ? text.substring(0, scope) : text) + "]";
        }
        return text;
    }
}
