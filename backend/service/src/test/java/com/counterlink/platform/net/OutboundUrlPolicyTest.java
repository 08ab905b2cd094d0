package com.counterlink.platform.net;

import com.counterlink.woo.WooAuth;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;
import com.counterlink.woo.WooTransport;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What store URLs the backend will call: production mode, and the explicit loopback dev mode. */
class OutboundUrlPolicyTest {

    /** A resolver with fixed answers, so no test depends on real DNS. */
    private static final OutboundUrlPolicy.Resolver DNS = host -> switch (host) {
        case "shop.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.14")};
        case "sneaky.example.com" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
        case "mixed.example.com" -> new InetAddress[]{InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")};
        case "internal.example.com" -> new InetAddress[]{InetAddress.getByName("192.168.1.20")};
        case "metadata.google.internal" -> new InetAddress[]{InetAddress.getByName("169.254.169.254")};
        default -> {
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                yield new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
    };

    private final OutboundUrlPolicy production = new OutboundUrlPolicy(false, DNS);
    private final OutboundUrlPolicy dev = new OutboundUrlPolicy(true, DNS);

    @Test
    void aPublicHttpsStoreIsAllowed() {
        assertDoesNotThrow(() -> production.check("https://shop.example.com/"));
        assertDoesNotThrow(() -> production.check("https://shop.example.com:8443/wp"));
    }

    @Test
    void plainHttpIsRefusedInProductionMode() {
        assertEquals("must use https", assertThrows(OutboundRefusedException.class,
                () -> production.check("http://shop.example.com/")).getMessage());
        assertThrows(OutboundRefusedException.class, () -> production.check("ftp://shop.example.com/"));
        assertThrows(OutboundRefusedException.class, () -> production.check("https://user:pw@shop.example.com/"));
        assertThrows(OutboundRefusedException.class, () -> production.check("not a url"));
        assertThrows(OutboundRefusedException.class, () -> production.check("https://nowhere.invalid/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://10.0.0.5/", "https://172.16.3.4/", "https://192.168.0.10/",
            "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
            "https://0.0.0.0/", "https://100.64.0.1/", "https://[::ffff:10.0.0.1]/", "https://metadata.google.internal/"})
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String url) {
        assertThrows(OutboundRefusedException.class, () -> production.check(url));
    }

    /** IPv6 addresses that carry an internal IPv4 address: the IPv4 rules apply to what they embed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://[2002:a9fe:a9fe::1]/",                    // 6to4 of 169.254.169.254 (cloud metadata)
            "https://[2002:0a00:0001::1]/",                    // 6to4 of 10.0.0.1
            "https://[2002:7f00:0001::1]/",                    // 6to4 of 127.0.0.1
            "https://[::169.254.169.254]/",                    // IPv4-compatible
            "https://[::10.0.0.1]/",
            "https://[::127.0.0.1]/",
            "https://[::ffff:0:7f00:1]/",                      // SIIT (IPv4-translated) 127.0.0.1
            "https://[::ffff:0:a9fe:a9fe]/",                   // SIIT 169.254.169.254
            "https://[2001::a9fe:a9fe]/",                      // Teredo, server 0.0.0.0
            "https://[2001:0:4136:e378:8000:63bf:5601:5601]/", // Teredo, client ~5601:5601 = 169.254.169.254
            "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", // Teredo, client ~f5ff:fffe = 10.0.0.1
            "https://[64:ff9b::a9fe:a9fe]/",                   // NAT64 well-known prefix
            "https://[64:ff9b:1::a00:1]/"})                    // local-use NAT64 prefix, refused whole
    void ipv6FormsOfInternalAddressesAreRefused(String url) {
        assertThrows(OutboundRefusedException.class, () -> production.check(url));
        assertThrows(OutboundRefusedException.class, () -> dev.check(url), "also in dev mode");
    }

    @Test
    void theRefusalNamesTheEmbeddedAddressAndItsForm() {
        assertEquals("points to a link-local or cloud metadata address inside an IPv6 6to4 address (2002:a9fe:a9fe:0:0:0:0:1)",
                assertThrows(OutboundRefusedException.class, () -> production.check("https://[2002:a9fe:a9fe::1]/")).getMessage());
        assertTrue(assertThrows(OutboundRefusedException.class, () -> production.check("https://[::127.0.0.1]/"))
                .getMessage().startsWith("points to a loopback address inside an IPv6 IPv4-compatible address"));
        assertTrue(assertThrows(OutboundRefusedException.class, () -> production.check("https://[::ffff:0:7f00:1]/"))
                .getMessage().startsWith("points to a loopback address inside an IPv6 SIIT address"));
        assertTrue(assertThrows(OutboundRefusedException.class, () -> production.check("https://[2001::a9fe:a9fe]/"))
                .getMessage().startsWith("points to an unspecified address inside an IPv6 Teredo server address"));
        assertTrue(assertThrows(OutboundRefusedException.class,
                () -> production.check("https://[2001:0:4136:e378:8000:63bf:5601:5601]/"))
                .getMessage().startsWith("points to a link-local or cloud metadata address inside an IPv6 Teredo client address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://[2002:5db8:d70e::1]/",                    // 6to4 of 93.184.215.14
            "https://[2001:0:4136:e378:8000:63bf:a247:28f1]/", // Teredo: server 65.54.227.120, client 93.184.215.14
            "https://[2606:2800:220:1:248:1893:25c8:1946]/"})  // plain global unicast
    void ipv6AddressesOfPublicHostsAreAllowed(String url) {
        assertDoesNotThrow(() -> production.check(url));
    }

    @Test
    void aNameThatResolvesElsewhereAfterTheCheckIsStillCalledAtTheCheckedAddress() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // public when checked; the attacker's DNS answers loopback from then on (DNS rebinding)
        OutboundUrlPolicy rebinding = new OutboundUrlPolicy(false, host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1")});
        OutboundTarget pinned = rebinding.pin(URI.create("https://rebind.example.com:8443/shop"));
        assertEquals("93.184.215.14", pinned.address().getHostAddress());
        assertEquals(URI.create("https://93.184.215.14:8443/shop/wp-json/wc/v3/products?sku=A%2CB"),
                pinned.connectUri(URI.create("https://rebind.example.com:8443/shop/wp-json/wc/v3/products?sku=A%2CB")));
        assertEquals("rebind.example.com:8443", pinned.hostHeader());

        lookups.set(0);
        List<String> sent = new ArrayList<>();
        WooTransport recording = (method, uri, headers, body, timeout, max) -> {
            sent.add(uri + " Host: " + headers.get("Host"));
            return new WooTransport.WooResponse(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        };
        WooClient woo = new WooClient(URI.create("https://rebind.example.com"),
                new WooAuth.Basic(new WooCredentials("ck_x", "cs_y")), WooClientConfig.defaults(), recording, rebinding);
        woo.get("system_status");
        assertEquals(List.of("https://93.184.215.14/wp-json/wc/v3/system_status Host: rebind.example.com"), sent);
        assertEquals(1, lookups.get(), "one lookup, the one that was checked");
        assertEquals("https://[2606:2800:220:1:248:1893:25c8:1946]/x", new OutboundTarget(URI.create("https://v6.example.com/"),
                InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")).connectUri(URI.create("https://v6.example.com/x")).toString());
    }

    @Test
    void namesAreCheckedByEveryAddressTheyResolveTo() {
        assertTrue(assertThrows(OutboundRefusedException.class, () -> production.check("https://sneaky.example.com/"))
                .getMessage().contains("loopback"));
        assertTrue(assertThrows(OutboundRefusedException.class, () -> production.check("https://mixed.example.com/"))
                .getMessage().contains("private"));
        assertThrows(OutboundRefusedException.class, () -> production.check("https://internal.example.com/"));
        assertThrows(OutboundRefusedException.class, () -> new OutboundUrlPolicy(false).check("https://localhost/"));
    }

    @Test
    void devModeAllowsOnlyLoopbackExtra() {
        assertDoesNotThrow(() -> dev.check("http://127.0.0.1:18090/store/demo"));
        assertDoesNotThrow(() -> dev.check("http://sneaky.example.com/"));
        assertThrows(OutboundRefusedException.class, () -> dev.check("http://shop.example.com/"));
        assertThrows(OutboundRefusedException.class, () -> dev.check("http://169.254.169.254/"));
        assertThrows(OutboundRefusedException.class, () -> dev.check("https://10.0.0.5/"));
    }

    @Test
    void aStoreThatRedirectsToAPrivateOrMetadataAddressIsNotFollowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String to = exchange.getRequestURI().getPath().contains("meta")
                    ? "http://169.254.169.254/latest/meta-data/" : "https://10.0.0.7/wp-json/wc/v3/products";
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (String store : new String[]{base + "/private", base + "/meta"}) {
                WooClient woo = WooClient.forStore(store, new WooCredentials("ck_x", "cs_y"), WooClientConfig.defaults(),
                        new OutboundUrlPolicy(true));
                WooException refused = assertThrows(WooException.class, () -> woo.get("products", Map.of()));
                assertEquals(WooErrorCode.WOO_URL_REFUSED, refused.code(), refused.toString());
            }
        } finally {
            server.stop(0);
        }
    }
}
