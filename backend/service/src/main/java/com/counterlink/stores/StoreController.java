package com.counterlink.stores;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A tenant's WooCommerce stores. Members read; owners link, change and remove. */
/* Outbound calls to stores and database work block: keep them off the event loop. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/tenants/{tenantId}/stores")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class StoreController {

    private final StoreService stores;
    private final WebhookService webhooks;

    public StoreController(StoreService stores, WebhookService webhooks) {
        this.stores = stores;
        this.webhooks = webhooks;
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public List<StoreView> list(@PathVariable UUID tenantId, Authentication authentication) {
        return stores.list(CurrentUser.from(authentication), tenantId);
    }

    /** Starts linking: answers the pending store and the WooCommerce page to approve access on. */
    @Post
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<LinkStoreResponse> link(@PathVariable UUID tenantId, @Body @Valid LinkStoreCommand command,
                                                Authentication authentication) {
        LinkStoreResponse linked = stores.link(CurrentUser.from(authentication), tenantId, command);
        return HttpResponse.created(linked, URI.create("/api/tenants/" + tenantId + "/stores/" + linked.store().id()));
    }

    @Get("/{siteId}")
    @TenantEndpoint(TenantAction.READ)
    public StoreView get(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication authentication) {
        return stores.get(CurrentUser.from(authentication), tenantId, siteId);
    }

    @Delete("/{siteId}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<Void> remove(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication authentication) {
        stores.remove(CurrentUser.from(authentication), tenantId, siteId);
        return HttpResponse.noContent();
    }

    /** Manual key entry, the fallback when WooCommerce's app authorization cannot be used. */
    @Put("/{siteId}/credentials")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public StoreView credentials(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                 @Body @Valid StoreCredentialsCommand command, Authentication authentication) {
        return stores.setCredentials(CurrentUser.from(authentication), tenantId, siteId, command);
    }

    /** Owner: switches the store to the address WooCommerce calls it by (StoreView.homeUrl). */
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    @Put("/{siteId}/url")
    public StoreView useAddress(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                @Body @Valid StoreAddressCommand command, Authentication authentication) {
        return stores.useAddress(CurrentUser.from(authentication), tenantId, siteId, command);
    }

    @Post("/{siteId}/test-connection")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public List<ConnectionCheck> testConnection(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                                Authentication authentication) {
        return stores.testConnection(CurrentUser.from(authentication), tenantId, siteId);
    }

    @Get("/{siteId}/webhooks")
    @TenantEndpoint(TenantAction.READ)
    public List<WebhookView> webhooks(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication authentication) {
        return webhooks.list(CurrentUser.from(authentication), tenantId, siteId);
    }

    /** Registers (or repairs) order.created, order.updated and product.updated on the store. */
    @Post("/{siteId}/webhooks")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public List<WebhookView> registerWebhooks(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                              Authentication authentication) {
        return webhooks.register(CurrentUser.from(authentication), tenantId, siteId);
    }

    @Post("/{siteId}/webhooks/repair")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public List<WebhookView> repairWebhooks(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                            Authentication authentication) {
        return webhooks.repair(CurrentUser.from(authentication), tenantId, siteId);
    }
}
