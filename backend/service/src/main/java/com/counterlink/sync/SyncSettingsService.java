package com.counterlink.sync;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.web.ApiException;
import com.counterlink.tenancy.TenantAccess;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A store's job settings and run history, and the "sync now" / "full resync" actions. */
@Singleton
public class SyncSettingsService {

    private final TenantAccess access;
    private final JobSettingRepository settings;
    private final SyncRunRepository runs;
    private final SyncRunItemRepository items;
    private final SyncScheduler scheduler;
    private final AuditLog audit;
    private final ApplicationEventPublisher<JobsSwitched> switches;

    public SyncSettingsService(TenantAccess access, JobSettingRepository settings, SyncRunRepository runs,
                               SyncRunItemRepository items, SyncScheduler scheduler, AuditLog audit,
                               ApplicationEventPublisher<JobsSwitched> switches) {
        this.access = access;
        this.settings = settings;
        this.runs = runs;
        this.items = items;
        this.scheduler = scheduler;
        this.audit = audit;
        this.switches = switches;
    }

    public List<JobSettingView> jobs(CurrentUser user, UUID tenantId, UUID siteId) {
        return access.asMember(user, tenantId, member -> {
            requireSite(siteId);
            Map<JobType, JobSetting> saved = settings.findByKeySiteId(siteId).stream()
                    .collect(Collectors.toMap(s -> s.key().jobType(), Function.identity()));
            return Arrays.stream(JobType.values()).map(type -> {
                JobSetting setting = saved.get(type);
                boolean enabled = setting == null || setting.enabled();
                int interval = setting == null ? (int) type.defaultInterval().toSeconds() : setting.intervalSeconds();
                return new JobSettingView(type, enabled, interval,
                        runs.findFirstBySiteIdAndJobTypeOrderByStartedAtDesc(siteId, type).orElse(null));
            }).toList();
        });
    }

    public JobSettingView update(CurrentUser user, UUID tenantId, UUID siteId, JobType type, UpdateJobSettingCommand command) {
        JobSettingView saved = access.asOwner(user, tenantId, member -> {
            requireSite(siteId);
            JobSetting setting = new JobSetting(new JobSetting.Key(siteId, type), tenantId, command.enabled(),
                    command.intervalSeconds(), Instant.now());
            if (settings.existsById(setting.key())) {
                settings.update(setting);
            } else {
                settings.save(setting);
            }
            scheduler.schedule(tenantId, siteId, type, command.enabled(), Duration.ofSeconds(command.intervalSeconds()));
            audit.record(tenantId, user, "sync.job.updated", "store", siteId.toString(),
                    Map.of("job", type.name(), "enabled", command.enabled(), "intervalSeconds", command.intervalSeconds()));
            return new JobSettingView(type, command.enabled(), command.intervalSeconds(),
                    runs.findFirstBySiteIdAndJobTypeOrderByStartedAtDesc(siteId, type).orElse(null));
        });
        switches.publishEvent(new JobsSwitched(tenantId, siteId, Set.of(type),
                command.enabled() ? JobsSwitched.Change.SWITCHED_ON : JobsSwitched.Change.SWITCHED_OFF));
        return saved;
    }

    public void runNow(CurrentUser user, UUID tenantId, UUID siteId, JobType type, boolean full) {
        RunTrigger trigger = full ? RunTrigger.FULL_RESYNC : RunTrigger.MANUAL;
        access.asMember(user, tenantId, member -> {
            requireSite(siteId);
            audit.record(tenantId, user, full ? "sync.full-resync.requested" : "sync.run.requested", "store",
                    siteId.toString(), Map.of("job", type.name()));
            return null;
        });
        scheduler.runNow(tenantId, siteId, type, trigger);
    }

    public List<SyncRun> runs(CurrentUser user, UUID tenantId, UUID siteId, JobType type) {
        return access.asMember(user, tenantId, member -> {
            requireSite(siteId);
            return type == null ? runs.findTop50BySiteIdOrderByStartedAtDesc(siteId)
                    : runs.findTop50BySiteIdAndJobTypeOrderByStartedAtDesc(siteId, type);
        });
    }

    public SyncRunDetail run(CurrentUser user, UUID tenantId, UUID siteId, UUID runId) {
        return access.asMember(user, tenantId, member -> {
            SyncRun run = runs.findByIdAndSiteId(runId, siteId).orElseThrow(() -> ApiException.notFound("Run"));
            return new SyncRunDetail(run, items.findTop500ByRunIdOrderById(runId));
        });
    }

    private void requireSite(UUID siteId) {
        if (!settings.siteExists(siteId)) {
            throw ApiException.notFound("Store");
        }
    }
}
