package com.counterlink.dashboard;

import com.counterlink.dashboard.DashboardViews.Dashboard;
import com.counterlink.dashboard.DashboardViews.ItemFollowUp;
import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.UUID;

@Controller("/api/tenants/{tenantId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    private final DashboardService dashboard;
    private final ItemRetries retries;

    public DashboardController(DashboardService dashboard, ItemRetries retries) {
        this.dashboard = dashboard;
        this.retries = retries;
    }

    /** The company at a glance; {@code days} of daily totals (1 to 90, default 14) in the time zone {@code tz} (default UTC). */
    @Get("/dashboard")
    @TenantEndpoint(TenantAction.READ)
    public Dashboard dashboard(@PathVariable UUID tenantId, @QueryValue @Nullable Integer days,
                               @QueryValue @Nullable String tz, Authentication auth) {
        return dashboard.dashboard(CurrentUser.from(auth), tenantId, days, tz);
    }

    /** A run's item and what became of it in the newest later run of the same job. */
    @Get("/stores/{siteId}/runs/{runId}/items/{itemId}")
    @TenantEndpoint(TenantAction.READ)
    public ItemFollowUp item(@PathVariable UUID tenantId, @PathVariable UUID siteId, @PathVariable UUID runId,
                             @PathVariable long itemId, Authentication auth) {
        return retries.followUp(CurrentUser.from(auth), tenantId, siteId, runId, itemId);
    }

    /** Retries a failed item: its job runs at once (202); poll the item to see the outcome. */
    @Post("/stores/{siteId}/runs/{runId}/items/{itemId}/retry")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public HttpResponse<ItemFollowUp> retry(@PathVariable UUID tenantId, @PathVariable UUID siteId, @PathVariable UUID runId,
                                            @PathVariable long itemId, Authentication auth) {
        return HttpResponse.<ItemFollowUp>accepted().body(retries.retry(CurrentUser.from(auth), tenantId, siteId, runId, itemId));
    }
}
