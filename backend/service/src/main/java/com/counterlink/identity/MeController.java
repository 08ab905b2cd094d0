package com.counterlink.identity;

import com.counterlink.support.SupportService;
import com.counterlink.support.SupportSession;
import com.counterlink.tenancy.MembershipView;
import com.counterlink.tenancy.TenantService;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController {

    private final TenantService tenants;
    private final SupportService support;

    public MeController(TenantService tenants, SupportService support) {
        this.tenants = tenants;
        this.support = support;
    }

    @Get
    public Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        return new Me(user.subject(), user.email(), user.name(), user.roles(), tenants.membershipsOf(user),
                support.activeSessionsOf(user));
    }

    @Serdeable
    public record Me(String subject, String email, String name, List<String> roles,
                     List<MembershipView> memberships,
                     /* live support sessions of our staff: the portal shows an "acting as" banner */
                     List<SupportSession> supportSessions) {
    }
}
