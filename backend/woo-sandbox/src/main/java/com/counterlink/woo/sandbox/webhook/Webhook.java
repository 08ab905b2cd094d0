package com.counterlink.woo.sandbox.webhook;

import java.time.Instant;

/** A webhook subscription as WooCommerce stores it (wc_webhooks row). */
public final class Webhook {
    public long id;
    public String name;
    public String status = "active";
    public String topic;
    public String deliveryUrl;
    public String secret;
    public int failureCount;
    public boolean pendingDelivery;
    public Instant dateCreated;
    public Instant dateModified;

    public String resource() { return topic.startsWith("action.") ? "action" : topic.substring(0, topic.indexOf('.')); }

    public String event() { return topic.startsWith("action.") ? topic.substring(7) : topic.substring(topic.indexOf('.') + 1); }
}
