package com.counterlink.platform.net;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs the backend may call on a tenant's behalf (store URLs, and every redirect they
 * answer with). Production: https only, and no host that resolves to a loopback, private,
 * link-local (cloud metadata), unique-local, multicast, reserved or unspecified address, also
 * not hidden inside an IPv6 address that embeds an IPv4 one (mapped, compatible, SIIT, 6to4,
 * Teredo, NAT64). The explicit dev/test mode ({@code counterlink.outbound.allow-loopback=true})
 * also allows plain http to loopback, for the sandbox; every other private range stays refused.
 * {@link #pin} answers the checked address too, for the caller to connect to (see {@link OutboundTarget}).
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
        checkedAddresses(uri);
        return uri;
    }

    /**
     * Checks like {@link #check(URI)} with a single lookup of the host, and answers the address to connect
     * to: one of those just checked, never a later lookup's.
     */
    public OutboundTarget pin(URI uri) {
        return new OutboundTarget(uri, checkedAddresses(uri).get(0));
    }

    private List<InetAddress> checkedAddresses(URI uri) {
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
        return addresses;
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
            if (isLocalNat64(b)) {
                return "a local IPv4/IPv6 translation address";
            }
            for (Embedded embedded : embeddedIpv4(b)) {
                String reason = forbiddenReason(ipv4(embedded.address()));
                if (reason != null) {
                    return reason + " inside an IPv6 " + embedded.form() + " address";
                }
            }
        }
        return null;
    }

    /** An IPv4 address an IPv6 address carries, and how (the IPv4 rules apply to it as well). */
    private record Embedded(String form, byte[] address) {
    }

    /**
     * Every IPv4 address the IPv6 address embeds: the packets of these forms end up at (or go
     * through) that IPv4 address, so an internal one inside a public-looking IPv6 address is refused.
     */
    private static List<Embedded> embeddedIpv4(byte[] b) {
        List<Embedded> found = new ArrayList<>();
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            found.add(new Embedded("IPv4-mapped", slice(b, 12))); // ::ffff:a.b.c.d
        } else if (zero(b, 0, 12)) {
            found.add(new Embedded("IPv4-compatible", slice(b, 12))); // ::a.b.c.d
        } else if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            found.add(new Embedded("SIIT", slice(b, 12))); // ::ffff:0:a.b.c.d (IPv4-translated)
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            found.add(new Embedded("6to4", slice(b, 2))); // 2002:AABB:CCDD::/48
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC: the relay server, and the client's
            // public address with every bit inverted
            found.add(new Embedded("Teredo server", slice(b, 4)));
            byte[] client = slice(b, 12);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            found.add(new Embedded("Teredo client", client));
        } else if (isNat64(b)) {
            found.add(new Embedded("NAT64", slice(b, 12))); // 64:ff9b::a.b.c.d
        }
        return found;
    }

    private static InetAddress ipv4(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address", e); // four bytes always are
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** The well-known NAT64 prefix 64:ff9b::/96 (RFC 6052), the IPv4 address in the last 32 bits. */
    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }

    /** 64:ff9b:1::/48 (RFC 8215), for translation inside one network: never a store's address. */
    private static boolean isLocalNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && b[4] == 0 && (b[5] & 0xff) == 0x01;
    }
}
