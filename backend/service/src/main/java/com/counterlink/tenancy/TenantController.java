package com.counterlink.tenancy;

import com.counterlink.identity.CurrentUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
public class TenantController {

    private final TenantService tenants;

    public TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Post
    public HttpResponse<TenantView> create(@Body @Valid CreateTenantCommand command, Authentication authentication) {
        TenantView created = tenants.create(CurrentUser.from(authentication), command);
        return HttpResponse.created(created, URI.create("/api/tenants/" + created.id()));
    }

    @Get("/{tenantId}")
    @TenantEndpoint(TenantAction.READ)
    public TenantView get(@PathVariable UUID tenantId, Authentication authentication) {
        return tenants.get(CurrentUser.from(authentication), tenantId);
    }

    @io.micronaut.http.annotation.Put("/{tenantId}/members/{subject}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public MemberView changeRole(@PathVariable UUID tenantId, @PathVariable String subject,
                                 @Body @Valid ChangeRoleCommand command, Authentication authentication) {
        return tenants.changeRole(CurrentUser.from(authentication), tenantId, subject, command);
    }

    @io.micronaut.http.annotation.Delete("/{tenantId}/members/{subject}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<Void> removeMember(@PathVariable UUID tenantId, @PathVariable String subject,
                                           Authentication authentication) {
        tenants.removeMember(CurrentUser.from(authentication), tenantId, subject);
        return HttpResponse.noContent();
    }

    @Get("/{tenantId}/members")
    @TenantEndpoint(TenantAction.READ)
    public List<MemberView> members(@PathVariable UUID tenantId, Authentication authentication) {
        return tenants.members(CurrentUser.from(authentication), tenantId);
    }
}
