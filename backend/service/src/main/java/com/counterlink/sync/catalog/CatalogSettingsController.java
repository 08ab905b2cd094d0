package com.counterlink.sync.catalog;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.web.ApiException;
import com.counterlink.sync.JobSettingRepository;
import com.counterlink.sync.JobType;
import com.counterlink.sync.JobsSwitched;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A store's catalog settings: members read them, owners change them. */
@Controller("/api/tenants/{tenantId}/stores/{siteId}/sync-settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogSettingsController {

    private final TenantAccess access;
    private final JobSettingRepository sites;
    private final CatalogSettingsStore store;
    private final CatalogTriggers triggers;
    private final AuditLog audit;
    private final Watermarks watermarks;
    private final ApplicationEventPublisher<JobsSwitched> switches;

    public CatalogSettingsController(TenantAccess access, JobSettingRepository sites, CatalogSettingsStore store,
                                     CatalogTriggers triggers, AuditLog audit, Watermarks watermarks,
                                     ApplicationEventPublisher<JobsSwitched> switches) {
        this.watermarks = watermarks;
        this.switches = switches;
        this.access = access;
        this.sites = sites;
        this.store = store;
        this.triggers = triggers;
        this.audit = audit;
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public CatalogSettingsView get(@PathVariable UUID tenantId, @PathVariable UUID siteId, Authentication auth) {
        return access.asMember(CurrentUser.from(auth), tenantId, member -> {
            requireSite(siteId);
            return store.saved(siteId).map(saved -> CatalogSettingsView.of(saved, true))
                    .orElseGet(() -> CatalogSettingsView.of(CatalogSettings.defaults(), false));
        });
    }

    @Put
    @TenantEndpoint(TenantAction.TENANT_ONLY)
    public CatalogSettingsView put(@PathVariable UUID tenantId, @PathVariable UUID siteId, @Body @Valid CatalogSettings.Command command,
                               Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        CatalogSettings saved = access.asOwner(user, tenantId, member -> {
            requireSite(siteId);
            CatalogSettings settings = CatalogSettings.from(command);
            store.save(tenantId, siteId, settings);
            // other locations or another buffer change every web quantity, another level or sale source every
            // price: the next inventory and pricing runs read all
            watermarks.set(tenantId, siteId, JobType.INVENTORY, null);
            watermarks.set(tenantId, siteId, JobType.PRICING, null);
            audit.record(tenantId, user, "sync.catalog-settings.updated", "store", siteId.toString(),
                    Map.of("locations", settings.locations(), "regularPriceLevel", settings.regularPriceLevel().name(),
                            "saleSource", settings.saleSource().name(), "safetyBuffer", settings.safetyBuffer()));
            return settings;
        });
        // a configured store syncs on its intervals, with a nightly full comparison
        triggers.scheduleCatalog(tenantId, siteId);
        switches.publishEvent(new JobsSwitched(tenantId, siteId, Set.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING),
                JobsSwitched.Change.SETTINGS_SAVED));
        return CatalogSettingsView.of(saved, true);
    }

    private void requireSite(UUID siteId) {
        if (!sites.siteExists(siteId)) {
            throw ApiException.notFound("Store");
        }
    }
}
