package com.counterlink.woo;

import com.counterlink.platform.net.OutboundUrlPolicy;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The real JDK transport connects to the address the policy checked, never to a later lookup's, and
 * still tells the store its own name: in the Host header, and over TLS as SNI, against which the
 * store's certificate is verified. The store names used here exist only in the test's resolver, so a
 * second lookup by the HTTP client would fail outright.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PinnedTransportTest {

    private static final WooCredentials KEYS = new WooCredentials("ck_x", "cs_y");
    private static final WooClientConfig ONE_TRY = WooClientConfig.defaults().withMaxAttempts(1);
    private static final char[] PASSWORD = "changeit".toCharArray();

    SSLContext serverTls;
    TrustManager[] trustShop;

    @BeforeAll
    void aCertificateForShopTestOnly(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("shop.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "shop", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=shop.test",
                "-ext", "SAN=dns:shop.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trustShop = trust.getTrustManagers();
    }

    @Test
    void aNameThatRebindsAfterTheCheckIsCalledAtTheCheckedAddressWithItsOwnHost() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "{\"environment\":{\"version\":\"10.0.2\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            AtomicInteger lookups = new AtomicInteger();
            // loopback (allowed in dev mode) when checked, a private address on any later lookup
            OutboundUrlPolicy rebinding = new OutboundUrlPolicy(true, host -> {
                if (!host.equals("rebind.test")) {
                    throw new java.net.UnknownHostException(host);
                }
                return new InetAddress[]{InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.9.9.9")};
            });
            WooClient woo = WooClient.forStore("http://rebind.test:" + port, KEYS, ONE_TRY, rebinding);

            assertEquals("10.0.2", woo.get("system_status").path("environment").path("version").asText());
            assertEquals(List.of("rebind.test:" + port), hosts);
            assertEquals(1, lookups.get(), "the name was looked up once, by the policy");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void overTlsTheStoresCertificateIsVerifiedAgainstItsNameNotTheAddress() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "{\"value\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            OutboundUrlPolicy dns = new OutboundUrlPolicy(true, host -> switch (host) {
                case "shop.test", "other.test" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
                default -> throw new java.net.UnknownHostException(host);
            });
            // one transport for both names, as when a store's URL changes: sessions must not cross names
            WooTransport transport = WooTransport.jdk(Duration.ofSeconds(5), trustShop);

            WooClient shop = new WooClient(URI.create("https://shop.test:" + port), new WooAuth.Basic(KEYS), ONE_TRY,
                    transport, dns);
            assertEquals("USD", shop.get("settings/general/woocommerce_currency").path("value").asText());
            assertEquals(List.of("shop.test:" + port), hosts);

            // same address, another name: the certificate (shop.test only) does not fit, so the call fails
            WooClient other = new WooClient(URI.create("https://other.test:" + port), new WooAuth.Basic(KEYS), ONE_TRY,
                    transport, dns);
            WooException refused = assertThrows(WooException.class, () -> other.get("settings/general/woocommerce_currency"));
            assertEquals(WooErrorCode.WOO_UNREACHABLE, refused.code(), refused.toString());
            // (the certificate names shop.test and no address: that the first call passed shows it was checked
            // against the name sent as SNI; that this one fails shows it is checked at all, session or not)
            assertInstanceOf(SSLHandshakeException.class, refused.getCause(), refused.toString());
            assertEquals(1, hosts.size(), "nothing was sent to the wrong name");
        } finally {
            server.stop(0);
        }
    }
}
