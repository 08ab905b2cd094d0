package com.counterlink.onboarding;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.UUID;

/** The setup wizard's progress: where a member who comes back (on any browser) continues. */
@Controller("/api/tenants/{tenantId}/onboarding")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OnboardingController {

    private final OnboardingService onboarding;

    public OnboardingController(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public OnboardingStatus status(@PathVariable UUID tenantId, Authentication auth) {
        return onboarding.status(CurrentUser.from(auth), tenantId);
    }
}
