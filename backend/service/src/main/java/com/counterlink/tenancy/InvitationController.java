package com.counterlink.tenancy;

import com.counterlink.identity.CurrentUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class InvitationController {

    private final InvitationService invitations;

    public InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post("/tenants/{tenantId}/invitations")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<InvitationView> invite(@PathVariable UUID tenantId, @Body @Valid InviteCommand command,
                                               Authentication auth) {
        return HttpResponse.created(invitations.invite(CurrentUser.from(auth), tenantId, command));
    }

    @Get("/tenants/{tenantId}/invitations")
    @TenantEndpoint(TenantAction.READ)
    public List<InvitationView> pending(@PathVariable UUID tenantId, Authentication auth) {
        return invitations.pending(CurrentUser.from(auth), tenantId);
    }

    @Delete("/tenants/{tenantId}/invitations/{invitationId}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public HttpResponse<Void> revoke(@PathVariable UUID tenantId, @PathVariable UUID invitationId, Authentication auth) {
        invitations.revoke(CurrentUser.from(auth), tenantId, invitationId);
        return HttpResponse.noContent();
    }

    /** The invited person, signed in with the invited address and having verified it, joins the company. */
    @Post("/invitations/accept")
    public TenantView accept(@Body @Valid AcceptInvitationCommand command, Authentication auth) {
        return invitations.accept(CurrentUser.from(auth), command);
    }
}
