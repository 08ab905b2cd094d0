package com.counterlink.support;

import com.counterlink.identity.CurrentUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

    @Get("/support/tenants")
    public List<TenantDirectoryEntry> directory(@QueryValue @Nullable String q, Authentication auth) {
        return support.directory(CurrentUser.from(auth), q);
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

    @Get("/tenants/{tenantId}/support-sessions")
    public List<SupportSession> sessionsOfTenant(@PathVariable UUID tenantId, Authentication auth) {
        return support.sessionsOf(CurrentUser.from(auth), tenantId);
    }
}
