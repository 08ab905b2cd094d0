package com.counterlink.sync.catalog;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.web.ApiException;
import com.counterlink.sync.JobSettingRepository;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.tenancy.TenantAccess;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.UUID;

/**
 * Starts a first-sync preview: a products run with the PREVIEW trigger that writes nothing; its
 * run record lists what would be created, adopted, left alone, and which SKUs conflict.
 */
@Controller("/api/tenants/{tenantId}/stores/{siteId}/sync-preview")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogPreviewController {

    private final TenantAccess access;
    private final JobSettingRepository sites;
    private final SyncScheduler scheduler;
    private final AuditLog audit;

    public CatalogPreviewController(TenantAccess access, JobSettingRepository sites, SyncScheduler scheduler, AuditLog audit) {
        this.access = access;
        this.sites = sites;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    @Post
    public HttpResponse<Void> start(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        access.asMember(user, tenantId, member -> {
            if (!sites.siteExists(siteId)) {
                throw ApiException.notFound("Store");
            }
            audit.record(tenantId, user, "sync.preview.requested", "store", siteId.toString(), Map.of("job", JobType.PRODUCTS.name()));
            return null;
        });
        scheduler.runNow(tenantId, siteId, JobType.PRODUCTS, RunTrigger.PREVIEW);
        return HttpResponse.accepted();
    }
}
