package com.counterlink.sync.catalog;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.web.ApiException;
import com.counterlink.sync.JobSettingRepository;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
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
 * Catalog runs on demand. A first-sync preview is a products run with the PREVIEW trigger that writes
 * nothing; its run record lists what would be created, adopted, left alone, and which SKUs conflict.
 * A reconcile compares products, stock and prices with the store and fixes drift, recording why.
 */
@Controller("/api/tenants/{tenantId}/stores/{siteId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogRunsController {

    private final TenantAccess access;
    private final JobSettingRepository sites;
    private final SyncScheduler scheduler;
    private final CatalogTriggers triggers;
    private final AuditLog audit;

    public CatalogRunsController(TenantAccess access, JobSettingRepository sites, SyncScheduler scheduler,
                                    CatalogTriggers triggers, AuditLog audit) {
        this.access = access;
        this.sites = sites;
        this.scheduler = scheduler;
        this.triggers = triggers;
        this.audit = audit;
    }

    @Post("/sync-preview")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public HttpResponse<Void> preview(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        requested(CurrentUser.from(auth), tenantId, siteId, "sync.preview.requested");
        scheduler.runNow(tenantId, siteId, JobType.PRODUCTS, RunTrigger.PREVIEW);
        return HttpResponse.accepted();
    }

    @Post("/sync-reconcile")
    @TenantEndpoint(TenantAction.SUPPORT_WRITE)
    public HttpResponse<Void> reconcile(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        requested(CurrentUser.from(auth), tenantId, siteId, "sync.reconcile.requested");
        triggers.reconcileNow(tenantId, siteId);
        return HttpResponse.accepted();
    }

    private void requested(CurrentUser user, UUID tenantId, UUID siteId, String action) {
        access.asMember(user, tenantId, member -> {
            if (!sites.siteExists(siteId)) {
                throw ApiException.notFound("Store");
            }
            audit.record(tenantId, user, action, "store", siteId.toString(), Map.of());
            return null;
        });
    }
}
