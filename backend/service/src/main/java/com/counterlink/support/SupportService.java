package com.counterlink.support;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.tenancy.TenantRepository;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Our staff find a tenant and open a reasoned, time-limited session to act as it; the tenant sees it all. */
@Singleton
public class SupportService {

    static final int DEFAULT_MINUTES = 30;

    private final TenantTransactions transactions;
    private final TenantAccess access;
    private final TenantRepository tenants;
    private final SupportSessionRepository sessions;
    private final AuditLog audit;

    public SupportService(TenantTransactions transactions, TenantAccess access, TenantRepository tenants,
                          SupportSessionRepository sessions, AuditLog audit) {
        this.transactions = transactions;
        this.access = access;
        this.tenants = tenants;
        this.sessions = sessions;
        this.audit = audit;
    }

    public List<TenantDirectoryEntry> directory(CurrentUser staff, String query) {
        requireStaff(staff);
        String pattern = "%" + (query == null ? "" : query.strip().replace("%", "").replace("_", "")) + "%";
        return transactions.asVendorStaff(staff.subject(), () -> tenants.findTop50ByNameIlikeOrderByName(pattern).stream()
                .map(t -> new TenantDirectoryEntry(t.id(), t.name(), t.slug(), t.status().name(), t.createdAt()))
                .toList());
    }

    public SupportSession start(CurrentUser staff, UUID tenantId, StartSupportSessionCommand command) {
        requireStaff(staff);
        int minutes = command.minutes() == null ? DEFAULT_MINUTES : command.minutes();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenantId, staff.subject(), () -> {
            tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("Company"));
            sessions.findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
                    tenantId, staff.subject(), now).ifPresent(open -> sessions.update(ended(open, now)));
            SupportSession session = sessions.save(new SupportSession(UUID.randomUUID(), tenantId, staff.subject(),
                    staff.email(), command.reason().strip(), now, now.plus(Duration.ofMinutes(minutes)), null));
            SupportContext.actingIn(session, () -> {
                audit.record(tenantId, staff, "support.session.started", "support_session", session.id().toString(),
                        Map.of("reason", session.reason(), "expiresAt", session.expiresAt().toString()));
                return null;
            });
            return session;
        });
    }

    public void end(CurrentUser staff, UUID tenantId, UUID sessionId) {
        requireStaff(staff);
        transactions.inTenant(tenantId, staff.subject(), () -> {
            SupportSession session = sessions.findById(sessionId)
                    .filter(s -> s.staffSubject().equals(staff.subject()) && s.endedAt() == null)
                    .orElseThrow(() -> ApiException.notFound("Support session"));
            sessions.update(ended(session, Instant.now()));
            SupportContext.actingIn(session, () -> {
                audit.record(tenantId, staff, "support.session.ended", "support_session", sessionId.toString(), Map.of());
                return null;
            });
            return null;
        });
    }

    /** The tenant's view: every session our staff opened on it. */
    public List<SupportSession> sessionsOf(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member -> sessions.findTop50ByTenantIdOrderByStartedAtDesc(tenantId));
    }

    /** The staff member's own live sessions, for the portal's "acting as" banner. */
    public List<SupportSession> activeSessionsOf(CurrentUser staff) {
        if (!staff.isVendorStaff()) {
            return List.of();
        }
        return transactions.asVendorStaff(staff.subject(),
                () -> sessions.findByStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThan(staff.subject(), Instant.now()));
    }

    private static SupportSession ended(SupportSession s, Instant at) {
        return new SupportSession(s.id(), s.tenantId(), s.staffSubject(), s.staffEmail(), s.reason(), s.startedAt(),
                s.expiresAt(), at);
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.isVendorStaff()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only Counterlink support staff can do that");
        }
    }
}
