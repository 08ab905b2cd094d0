package com.counterlink.bridge.agent;

import org.junit.jupiter.api.Test;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxySettingsTest {

    @Test
    void httpsProxyFromTheEnvironmentIsUsedExceptForNoProxyHosts() {
        ProxySettings proxy = ProxySettings.resolve(null, Map.of("https_proxy", "http://proxy.corp:3128",
                "no_proxy", "localhost, .internal.corp,10.0.0.5"));
        assertEquals("proxy.corp", proxy.proxyFor("app.counterlink.dev").getHostString());
        assertEquals(3128, proxy.proxyFor("app.counterlink.dev").getPort());
        assertNull(proxy.proxyFor("localhost"));
        assertNull(proxy.proxyFor("api.internal.corp"));
        assertNull(proxy.proxyFor("10.0.0.5"));
        assertEquals(Proxy.Type.HTTP, proxy.select(URI.create("https://app.counterlink.dev/api")).get(0).type());
        assertEquals(Proxy.NO_PROXY, proxy.select(URI.create("http://localhost:8080/")).get(0));
    }

    @Test
    void theConfiguredProxyWinsOverTheEnvironment() {
        ProxySettings proxy = ProxySettings.resolve("gateway:8080", Map.of("HTTPS_PROXY", "http://other:1"));
        assertEquals("gateway", proxy.proxyFor("app.counterlink.dev").getHostString());
        assertTrue(proxy.describe("app.counterlink.dev").contains("gateway:8080"));
    }

    @Test
    void withoutAnyProxyTheConnectionGoesDirectAndABadValueIsAClearError() {
        assertTrue(ProxySettings.resolve(null, Map.of()).describe("x").startsWith("direct"));
        assertThrows(IllegalArgumentException.class, () -> ProxySettings.resolve("http://", Map.of()));
    }
}
