package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox as its own process: {@code java -jar woo-sandbox.jar [--port 18090] [--store demo]... [--https]}. */
public final class WooSandboxMain {
    private WooSandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 18090;
        String host = "127.0.0.1";
        boolean https = false;
        boolean insecureCallbacks = false;
        List<String> storeNames = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--store" -> storeNames.add(args[++i]);
                case "--treat-as-https", "--https" -> https = true;
                // a local backend receives wc-auth callbacks over http, which real WooCommerce refuses
                case "--allow-insecure-callbacks" -> insecureCallbacks = true;
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar woo-sandbox.jar [--port 18090] [--host 127.0.0.1] [--store NAME]... [--treat-as-https] [--allow-insecure-callbacks]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        WooSandbox sandbox = WooSandbox.start(WooSandboxConfig.builder().host(host).port(port).treatAsHttps(https).build());
        System.out.println("WooCommerce sandbox listening on " + sandbox.baseUrl() + " (management API: " + sandbox.baseUrl() + "/__sandbox/stores)");
        for (String name : storeNames) {
            Store store = sandbox.createStore(name, StoreOptions.defaults().withAllowInsecureCallbacks(insecureCallbacks));
            ApiKey key = store.issueKey(KeyPermission.READ_WRITE, "Sandbox key");
            System.out.println("store " + name + ": " + store.baseUrl() + "/wp-json/wc/v3  consumer_key=" + key.consumerKey()
                    + "  consumer_secret=" + key.consumerSecret());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }));
        stop.await();
    }
}
