package com.counterlink.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.Map;
import java.util.UUID;

/** What WooCommerce itself calls: the app-authorization callback and webhook deliveries. */
/* Outbound calls to stores and database work block: keep them off the event loop. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/public/woo")
@Secured(SecurityRule.IS_ANONYMOUS)
public class WooPublicController {

    private final StoreService stores;
    private final WebhookService webhooks;

    public WooPublicController(StoreService stores, WebhookService webhooks) {
        this.stores = stores;
        this.webhooks = webhooks;
    }

    /** WooCommerce deletes the key unless this answers exactly 200. */
    @Post("/callback")
    @Consumes(MediaType.ALL)
    public HttpResponse<Map<String, String>> callback(@Body @Valid WooAuthCallback callback) {
        stores.acceptAuthorizationCallback(callback);
        return HttpResponse.ok(Map.of("status", "linked"));
    }

    @Post("/webhooks/{tenantId}/{siteId}")
    @Consumes(MediaType.ALL)
    public HttpResponse<Map<String, String>> delivery(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                                      @Nullable @Header("X-WC-Webhook-Signature") String signature,
                                                      @Nullable @Header("X-WC-Webhook-Topic") String topic,
                                                      @Nullable @Header("X-WC-Webhook-Delivery-ID") String deliveryId,
                                                      @Nullable @Header("Content-Type") String contentType,
                                                      @Body byte[] body) {
        WebhookService.Receipt receipt = webhooks.receive(tenantId, siteId, signature, topic, deliveryId, contentType,
                body == null ? new byte[0] : body);
        return HttpResponse.ok(Map.of("status", receipt.name().toLowerCase()));
    }
}
