package com.counterlink.orders;

import com.counterlink.identity.CurrentUser;
import com.counterlink.orders.OrderViews.CustomerIdentity;
import com.counterlink.orders.OrderViews.CustomerMatches;
import com.counterlink.orders.OrderViews.ItemStock;
import com.counterlink.orders.OrderViews.OrderDetail;
import com.counterlink.orders.OrderViews.OrderSummary;
import com.counterlink.orders.OrderViews.RelinkCommand;
import com.counterlink.orders.OrderViews.ResolveCommand;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller("/api/tenants/{tenantId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrderController {

    private final OrderService orders;
    private final AllocationReport allocations;
    private final CustomerMatchService matches;

    public OrderController(OrderService orders, AllocationReport allocations, CustomerMatchService matches) {
        this.orders = orders;
        this.allocations = allocations;
        this.matches = matches;
    }

    @Get("/orders")
    @TenantEndpoint(TenantAction.READ)
    public List<OrderSummary> list(@PathVariable UUID tenantId, @QueryValue @Nullable OrderState state,
                                   @QueryValue @Nullable UUID siteId, @QueryValue @Nullable String q,
                                   @QueryValue @Nullable Integer limit, Authentication auth) {
        return orders.list(CurrentUser.from(auth), tenantId, state, siteId, q, limit);
    }

    @Get("/orders/{orderId}")
    @TenantEndpoint(TenantAction.READ)
    public OrderDetail detail(@PathVariable UUID tenantId, @PathVariable UUID orderId, Authentication auth) {
        return orders.detail(CurrentUser.from(auth), tenantId, orderId);
    }

    @Post("/orders/{orderId}/retry")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public OrderDetail retry(@PathVariable UUID tenantId, @PathVariable UUID orderId, Authentication auth) {
        return orders.retry(CurrentUser.from(auth), tenantId, orderId);
    }

    @Post("/orders/{orderId}/resolve")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public OrderDetail resolve(@PathVariable UUID tenantId, @PathVariable UUID orderId, @Body ResolveCommand command,
                               Authentication auth) {
        return orders.resolve(CurrentUser.from(auth), tenantId, orderId, command.note());
    }

    @Get("/customers")
    @TenantEndpoint(TenantAction.READ)
    public List<CustomerIdentity> customers(@PathVariable UUID tenantId, @QueryValue @Nullable String email,
                                            Authentication auth) {
        return orders.customers(CurrentUser.from(auth), tenantId, email);
    }

    @Put("/customers/{identityId}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public CustomerIdentity relink(@PathVariable UUID tenantId, @PathVariable UUID identityId, @Body RelinkCommand command,
                                   Authentication auth) {
        return orders.relink(CurrentUser.from(auth), tenantId, identityId, command.custNo());
    }

    /** Possible Counterpoint customers for the web customer, best first; 503 BRIDGE_OFFLINE while the bridge is away. */
    @Get("/customers/{identityId}/matches")
    @TenantEndpoint(TenantAction.READ)
    public CustomerMatches matches(@PathVariable UUID tenantId, @PathVariable UUID identityId, Authentication auth) {
        return matches.matches(CurrentUser.from(auth), tenantId, identityId);
    }

    @Get("/allocations")
    @TenantEndpoint(TenantAction.READ)
    public List<ItemStock> allocations(@PathVariable UUID tenantId, @QueryValue @Nullable String itemNo,
                                       Authentication auth) {
        return allocations.report(CurrentUser.from(auth), tenantId, itemNo == null || itemNo.isBlank() ? null : itemNo.strip());
    }

    @Get("/allocations/settings")
    @TenantEndpoint(TenantAction.READ)
    public Map<String, Object> allocationSettings(@PathVariable UUID tenantId, Authentication auth) {
        return orders.allocationSettings(CurrentUser.from(auth), tenantId);
    }

    @Put("/allocations/settings")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public Map<String, Object> updateAllocationSettings(@PathVariable UUID tenantId, @Body Map<String, Object> body,
                                                        Authentication auth) {
        Object enabled = body == null ? null : body.get("enabled");
        return orders.updateAllocationSettings(CurrentUser.from(auth), tenantId, enabled instanceof Boolean b ? b : null);
    }

    @Get("/stores/{siteId}/order-settings")
    @TenantEndpoint(TenantAction.READ)
    public Map<String, Object> settings(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        return orders.settings(CurrentUser.from(auth), tenantId, siteId).toMap();
    }

    @Put("/stores/{siteId}/order-settings")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public Map<String, Object> updateSettings(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                                              @Body Map<String, Object> body, Authentication auth) {
        return orders.updateSettings(CurrentUser.from(auth), tenantId, siteId, body).toMap();
    }
}
