package com.counterlink.support;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SupportController {

    private final SupportService support;

    public SupportController(SupportService support) {
        this.support = support;
    }

    /** Staff only, with a reason (recorded with who searched): up to 50 companies whose name contains {@code q}. */
    @Get("/support/tenants")
    public List<TenantDirectoryEntry> directory(@QueryValue @Nullable String q, @QueryValue @Nullable String reason,
                                                Authentication auth) {
        return support.directory(CurrentUser.from(auth), q, reason);
    }

    @Post("/support/tenants/{tenantId}/sessions")
    public HttpResponse<SupportSession> start(@PathVariable UUID tenantId, @Body @Valid StartSupportSessionCommand command,
                                              Authentication auth) {
        return HttpResponse.created(support.start(CurrentUser.from(auth), tenantId, command));
    }

    @Post("/support/tenants/{tenantId}/sessions/{sessionId}/end")
    public HttpResponse<Void> end(@PathVariable UUID tenantId, @PathVariable UUID sessionId, Authentication auth) {
        support.end(CurrentUser.from(auth), tenantId, sessionId);
        return HttpResponse.noContent();
    }

    /** Elevates the staff member's own live session for the few support writes, with its own reason. */
    @Post("/support/tenants/{tenantId}/sessions/{sessionId}/elevation")
    public SupportSession elevate(@PathVariable UUID tenantId, @PathVariable UUID sessionId,
                                  @Body @Valid ElevateSupportSessionCommand command, Authentication auth) {
        return support.elevate(CurrentUser.from(auth), tenantId, sessionId, command);
    }

    @Delete("/support/tenants/{tenantId}/sessions/{sessionId}/elevation")
    public SupportSession lower(@PathVariable UUID tenantId, @PathVariable UUID sessionId, Authentication auth) {
        return support.lower(CurrentUser.from(auth), tenantId, sessionId);
    }

    @Get("/tenants/{tenantId}/support-sessions")
    @TenantEndpoint(TenantAction.READ)
    public List<SupportSession> sessionsOfTenant(@PathVariable UUID tenantId, Authentication auth) {
        return support.sessionsOf(CurrentUser.from(auth), tenantId);
    }

    /** Any owner of the company ends a support session on it. */
    @Post("/tenants/{tenantId}/support-sessions/{sessionId}/end")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public SupportSession endForTenant(@PathVariable UUID tenantId, @PathVariable UUID sessionId, Authentication auth) {
        return support.endForTenant(CurrentUser.from(auth), tenantId, sessionId);
    }
}
