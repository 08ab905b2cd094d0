package com.counterlink.tenancy;

import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.audit.AuditLog;
import com.counterlink.support.SupportContext;
import com.counterlink.support.SupportSession;
import com.counterlink.support.SupportSessionRepository;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;
import java.util.function.Function;

/**
 * The gate in front of every tenant endpoint: runs the work inside the tenant's transaction only
 * if the caller is a member, or one of our staff in a live support session (audited on every call). A tenant the caller does not belong to answers 404, like one that
 * does not exist, so ids leak nothing.
 */
@Singleton
public class TenantAccess {

    private final TenantTransactions transactions;
    private final MemberRepository members;
    private final SupportSessionRepository supportSessions;
    private final AuditLog audit;

    public TenantAccess(TenantTransactions transactions, MemberRepository members,
                        SupportSessionRepository supportSessions, AuditLog audit) {
        this.transactions = transactions;
        this.members = members;
        this.supportSessions = supportSessions;
        this.audit = audit;
    }

    public <T> T asMember(CurrentUser user, UUID tenantId, Function<Member, T> work) {
        return transactions.inTenant(tenantId, user.subject(), () -> {
            Optional<Member> member = members.findByTenantIdAndSubject(tenantId, user.subject());
            if (member.isPresent()) {
                return work.apply(member.get());
            }
            SupportSession session = activeSupportSession(user, tenantId)
                    .orElseThrow(() -> ApiException.notFound("Company"));
            return SupportContext.actingIn(session, () -> {
                auditSupportAccess(user, tenantId);
                return work.apply(new Member(session.id(), tenantId, user.subject(), user.email(), user.name(),
                        MemberRole.OWNER, session.startedAt()));
            });
        });
    }

    /** Our staff act as an owner of a tenant only inside a live support session they opened with a reason. */
    private Optional<SupportSession> activeSupportSession(CurrentUser user, UUID tenantId) {
        if (!user.isVendorStaff()) {
            return Optional.empty();
        }
        return supportSessions.findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
                tenantId, user.subject(), Instant.now());
    }

    private void auditSupportAccess(CurrentUser user, UUID tenantId) {
        Map<String, Object> detail = ServerRequestContext.currentRequest()
                .<Map<String, Object>>map(r -> Map.of("method", r.getMethodName(), "path", r.getPath()))
                .orElse(Map.of());
        audit.record(tenantId, user, "support.access", "tenant", tenantId.toString(), detail);
    }

    public <T> T asOwner(CurrentUser user, UUID tenantId, Function<Member, T> work) {
        return asMember(user, tenantId, member -> {
            if (member.role() != MemberRole.OWNER) {
                throw new ApiException(com.counterlink.platform.web.ErrorCode.FORBIDDEN,
                        "Only an owner of this company can do that");
            }
            return work.apply(member);
        });
    }
}
