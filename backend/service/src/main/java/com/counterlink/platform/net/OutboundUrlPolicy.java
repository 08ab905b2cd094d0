package com.counterlink.platform.net;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs the backend may call on a tenant's behalf (store URLs, and every redirect they
 * answer with). Production: https only, and no host that resolves to a loopback, private,
 * link-local (cloud metadata), unique-local, multicast or unspecified address. The explicit
 * dev/test mode ({@code counterlink.outbound.allow-loopback=true}) also allows plain http to
 * loopback, for the sandbox; every other private range stays refused.
 */
@Singleton
public class OutboundUrlPolicy {

    /** Host name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    @Inject
    public OutboundUrlPolicy(@Value("${counterlink.outbound.allow-loopback:false}") boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    public OutboundUrlPolicy(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public boolean allowsLoopback() {
        return allowLoopback;
    }

    /** Checks syntax, scheme and every address the host resolves to; answers the normalized URI. */
    public URI check(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.isOpaque()) {
            throw new OutboundRefusedException("is not an absolute http(s) URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundRefusedException("must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefusedException("must not contain a user name or password");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new OutboundRefusedException("has an invalid port");
        }
        List<InetAddress> addresses = resolve(uri.getHost());
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            String reason = forbiddenReason(address);
            if (reason != null) {
                throw new OutboundRefusedException("points to " + reason + " (" + address.getHostAddress() + ")");
            }
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            throw new OutboundRefusedException("must use https");
        }
        return uri;
    }

    public URI check(String url) {
        try {
            return check(new URI(url.strip()));
        } catch (java.net.URISyntaxException e) {
            throw new OutboundRefusedException("is not a valid URL");
        }
    }

    private List<InetAddress> resolve(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] found = resolver.resolve(bare);
            if (found == null || found.length == 0) {
                throw new OutboundRefusedException("has a host name that does not resolve");
            }
            return List.of(found);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("has a host name that does not resolve");
        }
    }

    /** Null when the address is a public unicast address. */
    static String forbiddenReason(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local or cloud metadata address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an unspecified address";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a private address"; // carrier-grade NAT 100.64/10
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "a private address"; // IETF protocol assignments 192.0.0/24
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a private address"; // benchmarking 198.18/15
            }
            if (first >= 240) {
                return "a reserved address";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            if (isIpv4Mapped(b) || isNat64(b)) {
                try {
                    InetAddress embedded = InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                    String reason = forbiddenReason(embedded);
                    if (reason != null) {
                        return reason;
                    }
                } catch (UnknownHostException e) {
                    return "an invalid address";
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }
}
