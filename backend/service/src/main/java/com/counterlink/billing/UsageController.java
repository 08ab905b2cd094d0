package com.counterlink.billing;

import com.counterlink.billing.UsageViews.MonthUsage;
import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.UUID;

/** A company's billable usage: any member reads it, support in a session too. */
@Controller("/api/tenants/{tenantId}/billing")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsageController {

    private final UsageService usage;

    UsageController(UsageService usage) {
        this.usage = usage;
    }

    /** Store-days per store with the periods that made them, and the month's total; {@code month} YYYY-MM (UTC), default now. */
    @Get("/usage")
    @TenantEndpoint(TenantAction.READ)
    public MonthUsage usage(@PathVariable UUID tenantId, @QueryValue @Nullable String month, Authentication auth) {
        return usage.usage(CurrentUser.from(auth), tenantId, month);
    }
}
