package com.counterlink.platform.net;

import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;

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
