package com.counterlink.retention;

import com.counterlink.bridge.BridgeSettings;
import com.counterlink.retention.RetentionRule.Login;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Every table that grows with time and what it keeps. Order data (web orders, their lines, transitions and
 * allocations) is the retailer's record and is never here; nor is anything with a row per store, item or person.
 */
@Singleton
class RetentionRules {

    private final List<RetentionRule> rules;

    RetentionRules(RetentionSettings settings, BridgeSettings bridge) {
        settings.check(bridge.getMaxClockSkew());
        rules = List.of(
                // items first: the runs rule would otherwise delete them one run at a time through the foreign key
                new RetentionRule("sync_run_items", settings.getRunItems(), "created_at",
                        "NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.id = sync_run_items.run_id AND r.status = 'RUNNING')",
                        Login.APP_IN_TENANT),
                new RetentionRule("sync_runs", settings.getRuns(), "started_at", "status <> 'RUNNING'", Login.APP_IN_TENANT),
                new RetentionRule("bridge_tasks", settings.getBridgeTasks(), "finished_at", "state IN ('DONE', 'FAILED')",
                        Login.APP_IN_TENANT),
                new RetentionRule("webhook_hints", settings.getWebhookHints(), "received_at", "consumed_at IS NOT NULL",
                        Login.APP_IN_TENANT),
                new RetentionRule("bridge_nonces", settings.getBridgeNonces(), "seen_at", null, Login.APP_IN_TENANT),
                new RetentionRule("audit_events", settings.getAuditEvents(), "occurred_at", null, Login.OWNER_IN_TENANT),
                new RetentionRule("staff_audit_events", settings.getStaffAuditEvents(), "occurred_at", null,
                        Login.OWNER_GLOBAL));
    }

    List<RetentionRule> all() {
        return rules;
    }

    List<RetentionRule> perTenant() {
        return rules.stream().filter(RetentionRule::perTenant).toList();
    }

    List<RetentionRule> global() {
        return rules.stream().filter(rule -> !rule.perTenant()).toList();
    }
}
