package com.counterlink.sync;

import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/tenants/{tenantId}/stores/{siteId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SyncController {

    private final SyncSettingsService sync;

    public SyncController(SyncSettingsService sync) {
        this.sync = sync;
    }

    @Get("/jobs")
    @TenantEndpoint(TenantAction.READ)
    public List<JobSettingView> jobs(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        return sync.jobs(CurrentUser.from(auth), tenantId, siteId);
    }

    @Put("/jobs/{jobType}")
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public JobSettingView update(@PathVariable UUID tenantId, @PathVariable UUID siteId, @PathVariable JobType jobType,
                                 @Body @Valid UpdateJobSettingCommand command, Authentication auth) {
        return sync.update(CurrentUser.from(auth), tenantId, siteId, jobType, command);
    }

    /** "Sync now" ({@code {}}) or "full resync" ({@code {"full": true}}); the run starts in the background. */
    @Post("/jobs/{jobType}/runs")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public HttpResponse<Void> runNow(@PathVariable UUID tenantId, @PathVariable UUID siteId, @PathVariable JobType jobType,
                                     @Body @Nullable RunNowCommand command, Authentication auth) {
        boolean full = command != null && Boolean.TRUE.equals(command.full());
        sync.runNow(CurrentUser.from(auth), tenantId, siteId, jobType, full);
        return HttpResponse.accepted();
    }

    @Get("/runs")
    @TenantEndpoint(TenantAction.READ)
    public List<SyncRun> runs(@PathVariable UUID tenantId, @PathVariable UUID siteId,
                              @QueryValue @Nullable JobType jobType, Authentication auth) {
        return sync.runs(CurrentUser.from(auth), tenantId, siteId, jobType);
    }

    @Get("/runs/{runId}")
    @TenantEndpoint(TenantAction.READ)
    public SyncRunDetail run(@PathVariable UUID tenantId, @PathVariable UUID siteId, @PathVariable UUID runId,
                             Authentication auth) {
        return sync.run(CurrentUser.from(auth), tenantId, siteId, runId);
    }
}
