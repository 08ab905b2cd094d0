package com.counterlink.support;

import com.counterlink.audit.AuditLog;
import com.counterlink.audit.StaffAuditLog;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Our staff find a tenant (with a reason, recorded) and open a reasoned, time-limited, read-only
 * session to act as it; a second reasoned, shorter elevation opens the few writes support needs. The
 * tenant sees it all and any of its owners can end a session.
 */
@Singleton
public class SupportService {

    static final int DEFAULT_MINUTES = 30;
    static final int DEFAULT_ELEVATION_MINUTES = 15;
    static final int REASON_MIN = 10;
    static final int REASON_MAX = 500;

    private final TenantTransactions transactions;
    private final TenantAccess access;
    private final TenantRepository tenants;
    private final SupportSessionRepository sessions;
    private final AuditLog audit;
    private final StaffAuditLog staffAudit;

    public SupportService(TenantTransactions transactions, TenantAccess access, TenantRepository tenants,
                          SupportSessionRepository sessions, AuditLog audit, StaffAuditLog staffAudit) {
        this.transactions = transactions;
        this.access = access;
        this.tenants = tenants;
        this.sessions = sessions;
        this.audit = audit;
        this.staffAudit = staffAudit;
    }

    /** Names and statuses only, and never without a reason: every search is recorded with who searched and why. */
    public List<TenantDirectoryEntry> directory(CurrentUser staff, String query, String reason) {
        requireStaff(staff);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REASON_MIN || why.length() > REASON_MAX) {
            throw ApiException.invalidField("reason",
                    "Say why you search the companies (e.g. the ticket number): 10 to 500 characters");
        }
        String text = query == null ? "" : query.strip();
        String pattern = "%" + text.replace("%", "").replace("_", "") + "%";
        List<TenantDirectoryEntry> found = transactions.asVendorStaff(staff.subject(), () ->
                tenants.findTop50ByNameIlikeOrderByName(pattern).stream()
                        .map(t -> new TenantDirectoryEntry(t.id(), t.name(), t.slug(), t.status().name(), t.createdAt()))
                        .toList());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("query", text);
        detail.put("reason", why);
        detail.put("found", found.stream().map(t -> t.id().toString()).toList());
        staffAudit.record(staff, "support.directory.searched", detail);
        return found;
    }

    public SupportSession start(CurrentUser staff, UUID tenantId, StartSupportSessionCommand command) {
        requireStaff(staff);
        int minutes = command.minutes() == null ? DEFAULT_MINUTES : command.minutes();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenantId, staff.subject(), () -> {
            tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("Company"));
            sessions.findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
                    tenantId, staff.subject(), now).ifPresent(open -> sessions.update(open.ended(now, staff.subject())));
            SupportSession session = sessions.save(SupportSession.opened(tenantId, staff.subject(), staff.email(),
                    command.reason().strip(), now, now.plus(Duration.ofMinutes(minutes))));
            recordAs(session, staff, "support.session.started",
                    Map.of("reason", session.reason(), "expiresAt", session.expiresAt().toString(), "readOnly", true));
            return session;
        });
    }

    /** Opens the few support writes for a while, with a reason of its own that the tenant sees. */
    public SupportSession elevate(CurrentUser staff, UUID tenantId, UUID sessionId, ElevateSupportSessionCommand command) {
        requireStaff(staff);
        int minutes = command.minutes() == null ? DEFAULT_ELEVATION_MINUTES : command.minutes();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenantId, staff.subject(), () -> {
            SupportSession session = liveSessionOf(staff, sessionId, now);
            SupportSession elevated = sessions.update(session.elevated(command.reason().strip(), now,
                    now.plus(Duration.ofMinutes(minutes))));
            recordAs(elevated, staff, "support.session.elevated",
                    Map.of("reason", elevated.elevatedReason(), "until", elevated.elevatedUntil().toString()));
            return elevated;
        });
    }

    /** Back to read-only before the elevation runs out. */
    public SupportSession lower(CurrentUser staff, UUID tenantId, UUID sessionId) {
        requireStaff(staff);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenantId, staff.subject(), () -> {
            SupportSession session = liveSessionOf(staff, sessionId, now);
            if (!session.writableAt(now)) {
                return session;
            }
            SupportSession lowered = sessions.update(session.lowered(now));
            recordAs(lowered, staff, "support.session.lowered", Map.of());
            return lowered;
        });
    }

    public void end(CurrentUser staff, UUID tenantId, UUID sessionId) {
        requireStaff(staff);
        transactions.inTenant(tenantId, staff.subject(), () -> {
            SupportSession session = sessions.findById(sessionId)
                    .filter(s -> s.staffSubject().equals(staff.subject()) && s.endedAt() == null)
                    .orElseThrow(() -> ApiException.notFound("Support session"));
            sessions.update(session.ended(Instant.now(), staff.subject()));
            recordAs(session, staff, "support.session.ended", Map.of("by", "support"));
            return null;
        });
    }

    /** Any owner of the company stops a support session on it at once. */
    public SupportSession endForTenant(CurrentUser owner, UUID tenantId, UUID sessionId) {
        return access.asOwner(owner, tenantId, member -> {
            Instant now = Instant.now();
            SupportSession session = sessions.findById(sessionId)
                    .filter(s -> s.tenantId().equals(tenantId))
                    .orElseThrow(() -> ApiException.notFound("Support session"));
            if (!session.activeAt(now)) {
                throw new ApiException(ErrorCode.CONFLICT, "This support session is already over");
            }
            SupportSession ended = sessions.update(session.ended(now, owner.subject()));
            audit.record(tenantId, owner, "support.session.ended", "support_session", sessionId.toString(),
                    Map.of("by", "company", "staff", String.valueOf(session.staffEmail())));
            return ended;
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

    private SupportSession liveSessionOf(CurrentUser staff, UUID sessionId, Instant now) {
        SupportSession session = sessions.findById(sessionId)
                .filter(s -> s.staffSubject().equals(staff.subject()))
                .orElseThrow(() -> ApiException.notFound("Support session"));
        if (!session.activeAt(now)) {
            throw new ApiException(ErrorCode.CONFLICT, "This support session is over: open a new one");
        }
        return session;
    }

    private void recordAs(SupportSession session, CurrentUser staff, String action, Map<String, Object> detail) {
        SupportContext.actingIn(session, () -> {
            audit.record(session.tenantId(), staff, action, "support_session", session.id().toString(), detail);
            return null;
        });
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.isVendorStaff()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only Counterlink support staff can do that");
        }
    }
}
