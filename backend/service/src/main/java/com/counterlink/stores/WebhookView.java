package com.counterlink.stores;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record WebhookView(String topic, long wooWebhookId, String status) {

    static WebhookView of(SiteWebhook hook) {
        return new WebhookView(hook.topic(), hook.wooWebhookId(), hook.status());
    }
}
