package com.counterlink.audit;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.UUID;

@Controller("/api/tenants/{tenantId}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditController {

    private final TenantAccess access;
    private final AuditEventRepository events;

    public AuditController(TenantAccess access, AuditEventRepository events) {
        this.access = access;
        this.events = events;
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public List<AuditEvent> recent(@PathVariable UUID tenantId, Authentication authentication) {
        return access.asMember(CurrentUser.from(authentication), tenantId,
                member -> events.findTop200ByTenantIdOrderByOccurredAtDesc(tenantId));
    }
}
