package com.counterlink.stripe.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox as its own process: {@code java -jar stripe-sandbox.jar [--port 12111] [--webhook URL --webhook-secret whsec_...]}. */
public final class StripeSandboxMain {
    static final String USAGE = "Usage: java -jar stripe-sandbox.jar [--port 12111] [--host 127.0.0.1] [--webhook URL] [--webhook-secret whsec_...]"
            + " [--webhook-retry-seconds 300,1800,7200]";

    /** What the command line asks for. */
    record Options(StripeSandboxConfig config, String webhookUrl, String webhookSecret, boolean help) {}

    private StripeSandboxMain() {}

    static Options parse(String[] args) {
        StripeSandboxConfig.Builder config = StripeSandboxConfig.builder().port(12111);
        String webhookUrl = null;
        String webhookSecret = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> config.port(Integer.parseInt(value(args, ++i)));
                case "--host" -> config.host(value(args, ++i));
                case "--webhook" -> webhookUrl = value(args, ++i);
                case "--webhook-secret" -> webhookSecret = value(args, ++i);
                case "--webhook-retry-seconds" -> config.webhookRetryDelays(java.util.Arrays.stream(value(args, ++i).split(","))
                        .map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))).toList());
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        if (webhookSecret != null && webhookUrl == null) throw new IllegalArgumentException("--webhook-secret needs --webhook\n" + USAGE);
        return new Options(config.build(), webhookUrl, webhookSecret, help);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        return args[i];
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        StripeSandbox sandbox = StripeSandbox.start(options.config());
        System.out.println("Stripe sandbox listening on " + sandbox.baseUrl() + "  api_key=" + StripeSandbox.TEST_KEY
                + "  (any sk_test_* key works; management API: " + sandbox.baseUrl() + "/__sandbox)");
        if (options.webhookUrl() != null) {
            var endpoint = sandbox.addWebhookEndpoint(options.webhookUrl(), options.webhookSecret());
            System.out.println("webhook endpoint " + endpoint.url() + "  secret=" + endpoint.secret());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }));
        stop.await();
    }

}
