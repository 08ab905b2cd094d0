package com.counterlink.onboarding;

import com.counterlink.bridge.BridgeSettings;
import com.counterlink.identity.CurrentUser;
import com.counterlink.onboarding.OnboardingStatus.PreviewState;
import com.counterlink.onboarding.OnboardingStatus.SettingsState;
import com.counterlink.onboarding.OnboardingStatus.StoreProgress;
import com.counterlink.platform.db.TxSql;
import com.counterlink.tenancy.TenantAccess;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Derives a company's setup progress from its bridges, stores, saved settings and runs. */
@Singleton
public class OnboardingService {

    private final TenantAccess access;
    private final TxSql sql;
    private final BridgeSettings bridgeSettings;

    public OnboardingService(TenantAccess access, TxSql sql, BridgeSettings bridgeSettings) {
        this.access = access;
        this.sql = sql;
        this.bridgeSettings = bridgeSettings;
    }

    public OnboardingStatus status(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member -> {
            BridgeState bridge = bridgeState(tenantId);
            List<StoreProgress> stores = stores(tenantId);
            return next(bridge, stores);
        });
    }

    static OnboardingStatus next(BridgeState bridge, List<StoreProgress> stores) {
        if (bridge == BridgeState.NONE || bridge == BridgeState.NEVER_CONNECTED) {
            return new OnboardingStatus(OnboardingStep.BRIDGE, null, bridge, stores);
        }
        List<StoreProgress> active = stores.stream().filter(s -> s.stage() != OnboardingStep.STORES).toList();
        if (active.isEmpty()) {
            return new OnboardingStatus(OnboardingStep.STORES, null, bridge, stores);
        }
        return active.stream().filter(s -> s.stage() != OnboardingStep.DONE).findFirst()
                .map(s -> new OnboardingStatus(s.stage(), s.id(), bridge, stores))
                .orElseGet(() -> new OnboardingStatus(OnboardingStep.DONE, null, bridge, stores));
    }

    private BridgeState bridgeState(UUID tenantId) {
        Instant onlineSince = Instant.now().minus(bridgeSettings.getOnlineWindow());
        record Seen(Instant at, boolean counterpointAnswers) {
        }
        List<Seen> seen = sql.query("SELECT last_seen_at, counterpoint_unreachable_since IS NULL FROM bridges"
                        + " WHERE tenant_id = ? AND status = 'ENROLLED'",
                row -> new Seen(TxSql.instant(row, "last_seen_at"), row.getBoolean(2)), tenantId);
        List<Instant> lastSeen = seen.stream().map(Seen::at).toList();
        if (lastSeen.isEmpty()) {
            return BridgeState.NONE;
        }
        List<Seen> online = seen.stream().filter(s -> s.at() != null && s.at().isAfter(onlineSince)).toList();
        if (!online.isEmpty()) {
            return online.stream().anyMatch(Seen::counterpointAnswers) ? BridgeState.ONLINE
                    : BridgeState.COUNTERPOINT_UNREACHABLE;
        }
        return lastSeen.stream().allMatch(t -> t == null) ? BridgeState.NEVER_CONNECTED : BridgeState.OFFLINE;
    }

    private List<StoreProgress> stores(UUID tenantId) {
        return sql.query("""
                SELECT s.id, s.name, s.status,
                       s.settings -> 'orders' IS NOT NULL AS orders_saved,
                       EXISTS (SELECT 1 FROM catalog_settings c WHERE c.site_id = s.id) AS catalog_saved,
                       (SELECT r.status FROM sync_runs r WHERE r.site_id = s.id AND r.run_trigger = 'PREVIEW'
                         ORDER BY r.started_at DESC LIMIT 1) AS preview_status,
                       EXISTS (SELECT 1 FROM sync_runs r WHERE r.site_id = s.id AND r.job_type = 'PRODUCTS'
                               AND r.run_trigger <> 'PREVIEW') AS synced
                  FROM sites s
                 WHERE s.tenant_id = ? AND s.status <> 'REMOVED'
                 ORDER BY s.created_at""", row -> {
            SettingsState catalog = row.getBoolean("catalog_saved") ? SettingsState.SAVED : SettingsState.NOT_SAVED;
            SettingsState orders = row.getBoolean("orders_saved") ? SettingsState.SAVED : SettingsState.NOT_SAVED;
            String previewStatus = row.getString("preview_status");
            PreviewState preview = previewStatus == null ? PreviewState.NONE
                    : "RUNNING".equals(previewStatus) ? PreviewState.RUNNING : PreviewState.FINISHED;
            String status = row.getString("status");
            OnboardingStep stage;
            if (!"ACTIVE".equals(status)) {
                stage = OnboardingStep.STORES;
            } else if (row.getBoolean("synced")) {
                stage = OnboardingStep.DONE;
            } else if (catalog == SettingsState.NOT_SAVED || orders == SettingsState.NOT_SAVED) {
                stage = OnboardingStep.SETTINGS;
            } else if (preview != PreviewState.FINISHED) {
                stage = OnboardingStep.PREVIEW;
            } else {
                stage = OnboardingStep.START;
            }
            return new StoreProgress(row.getObject("id", UUID.class), row.getString("name"), status, stage, catalog, orders,
                    preview);
        }, tenantId);
    }
}
