package com.counterlink.identity;

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

    public MeController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Get
    public Me me(Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        return new Me(user.subject(), user.email(), user.name(), user.roles(), tenants.membershipsOf(user));
    }

    @Serdeable
    public record Me(String subject, String email, String name, List<String> roles,
                     List<MembershipView> memberships) {
    }
}
