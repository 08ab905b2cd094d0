package com.counterlink.bridge.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP proxy to the cloud: the config's {@code proxy}, else {@code https_proxy}/{@code HTTPS_PROXY}
 * from the environment, minus the hosts in {@code no_proxy} (suffix match, '*' for all), as curl does.
 */
public final class ProxySettings extends ProxySelector {

    private final InetSocketAddress proxy;
    private final List<String> noProxy;

    ProxySettings(InetSocketAddress proxy, List<String> noProxy) {
        this.proxy = proxy;
        this.noProxy = noProxy;
    }

    public static ProxySettings resolve(String configured, Map<String, String> env) {
        String value = configured != null ? configured : first(env, "https_proxy", "HTTPS_PROXY");
        String exclusions = first(env, "no_proxy", "NO_PROXY");
        List<String> noProxy = exclusions == null ? List.of() : Arrays.stream(exclusions.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new ProxySettings(value == null ? null : parse(value), noProxy);
    }

    static InetSocketAddress parse(String value) {
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy \"" + value + "\" is not host:port or http://host:port");
        }
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() == -1 ? 8080 : uri.getPort());
    }

    /** The proxy for {@code host}, or null when the connection goes direct. */
    public InetSocketAddress proxyFor(String host) {
        if (proxy == null || bypassed(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return proxy;
    }

    private boolean bypassed(String host) {
        for (String entry : noProxy) {
            String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
            if (entry.equals("*") || host.equals(suffix) || host.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    public String describe(String host) {
        InetSocketAddress chosen = proxyFor(host);
        if (chosen != null) {
            return "via proxy " + chosen.getHostString() + ":" + chosen.getPort();
        }
        return proxy == null ? "direct (no proxy configured)" : "direct (" + host + " is in no_proxy)";
    }

    @Override
    public List<Proxy> select(URI uri) {
        InetSocketAddress chosen = proxyFor(uri.getHost());
        return List.of(chosen == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, chosen));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // nothing to remember: the loop's backoff handles the retry
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
