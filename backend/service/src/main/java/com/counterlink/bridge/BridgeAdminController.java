package com.counterlink.bridge;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.UUID;

/** The portal's view of a company's bridges: enroll one (owner), list them, revoke one (owner). */
@Controller("/api/tenants/{tenantId}/bridges")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class BridgeAdminController {

    private final BridgeRegistry registry;
    private final String publicUrl;

    BridgeAdminController(BridgeRegistry registry,
                          @io.micronaut.context.annotation.Value("${counterlink.public-url}") String publicUrl) {
        this.registry = registry;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Post("/enrollment-tokens")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<EnrollmentTokenView> issueToken(@PathVariable UUID tenantId, Authentication authentication) {
        // the configured public address, never the request's Host header, which a client controls
        return HttpResponse.created(registry.issueToken(CurrentUser.from(authentication), tenantId, publicUrl));
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public List<BridgeView> list(@PathVariable UUID tenantId, Authentication authentication) {
        return registry.list(CurrentUser.from(authentication), tenantId);
    }

    @Post("/{bridgeId}/revoke")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public BridgeView revoke(@PathVariable UUID tenantId, @PathVariable UUID bridgeId, Authentication authentication) {
        return registry.revoke(CurrentUser.from(authentication), tenantId, bridgeId);
    }
}
