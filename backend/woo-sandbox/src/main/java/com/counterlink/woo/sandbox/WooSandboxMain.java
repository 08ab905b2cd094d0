package com.counterlink.woo.sandbox;

import com.counterlink.woo.sandbox.auth.ApiKey;
import com.counterlink.woo.sandbox.auth.KeyPermission;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.StoreOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox as its own process: {@code java -jar woo-sandbox.jar [--port 18090] [--store demo]... [--https]}. */
public final class WooSandboxMain {
    static final String USAGE = "Usage: java -jar woo-sandbox.jar [--port 18090] [--host 127.0.0.1] [--store NAME]... [--treat-as-https]"
            + " [--allow-insecure-callbacks] [--webhook-delay-ms N]";

    /** What the command line asks for. */
    record Options(WooSandboxConfig config, List<String> storeNames, boolean insecureCallbacks, boolean help) {}

    private WooSandboxMain() {}

    static Options parse(String[] args) {
        WooSandboxConfig.Builder config = WooSandboxConfig.builder().port(18090);
        boolean insecureCallbacks = false;
        boolean help = false;
        List<String> storeNames = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(args[++i]));
                case "--host" -> config.host(args[++i]);
                case "--store" -> storeNames.add(args[++i]);
                case "--treat-as-https", "--https" -> config.treatAsHttps(true);
                // a local backend receives wc-auth callbacks over http, which real WooCommerce refuses
                case "--allow-insecure-callbacks" -> insecureCallbacks = true;
                // how long the Action Scheduler queue waits before it runs; negative = only on the flush endpoint
                case "--webhook-delay-ms" -> config.webhookDelay(Duration.ofMillis(Long.parseLong(args[++i])));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(config.build(), List.copyOf(storeNames), insecureCallbacks, help);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        WooSandbox sandbox = WooSandbox.start(options.config());
        System.out.println("WooCommerce sandbox listening on " + sandbox.baseUrl() + " (management API: " + sandbox.baseUrl() + "/__sandbox/stores)");
        for (String name : options.storeNames()) {
            Store store = sandbox.createStore(name, StoreOptions.defaults().withAllowInsecureCallbacks(options.insecureCallbacks()));
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
