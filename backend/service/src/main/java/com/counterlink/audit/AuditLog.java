package com.counterlink.audit;

import com.counterlink.identity.CurrentUser;
import com.counterlink.support.SupportContext;
import com.counterlink.support.SupportSession;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Appends to the tenant's audit trail inside the caller's tenant transaction. */
@Singleton
public class AuditLog {

    private final AuditEventRepository events;

    public AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    public void record(UUID tenantId, CurrentUser actor, String action, String targetType, String targetId,
                       Map<String, Object> detail) {
        String onBehalfOf = SupportContext.current().map(SupportSession::onBehalfOf).orElse(null);
        events.save(new AuditEvent(null, tenantId, Instant.now(), actor.subject(), actor.email(), onBehalfOf, action,
                targetType, targetId, detail));
    }
}
