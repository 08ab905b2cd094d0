package com.counterlink.tenancy;

import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.support.SupportContext;
import com.counterlink.support.SupportGate;
import com.counterlink.support.SupportSession;
import com.counterlink.support.SupportSessionRepository;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The gate in front of every tenant endpoint: runs the work inside the tenant's transaction only if the
 * caller is a member, or one of our staff whose request {@link SupportGate} cleared under a live support
 * session for the endpoint's declared {@link TenantAction} (and recorded). A tenant the caller does not
 * belong to answers 404, like one that does not exist, so ids leak nothing.
 */
@Singleton
public class TenantAccess {

    private final TenantTransactions transactions;
    private final MemberRepository members;
    private final SupportSessionRepository supportSessions;

    public TenantAccess(TenantTransactions transactions, MemberRepository members,
                        SupportSessionRepository supportSessions) {
        this.transactions = transactions;
        this.members = members;
        this.supportSessions = supportSessions;
    }

    public <T> T asMember(CurrentUser user, UUID tenantId, Function<Member, T> work) {
        return transactions.inTenant(tenantId, user.subject(), () -> {
            Optional<Member> member = members.findByTenantIdAndSubject(tenantId, user.subject());
            if (member.isPresent()) {
                return work.apply(member.get());
            }
            SupportSession session = activeSupportSession(user, tenantId)
                    .orElseThrow(() -> ApiException.notFound("Company"));
            if (!clearedFor(session)) {
                // not through the support gate (or refused there): closed, whatever the endpoint
                throw new ApiException(ErrorCode.SUPPORT_NOT_ALLOWED,
                        "Counterlink support cannot do this on a company's behalf");
            }
            // an owner's view, so that support sees what the owners see; what it may change is the gate's call
            return SupportContext.actingIn(session, () -> work.apply(new Member(session.id(), tenantId,
                    user.subject(), user.email(), user.name(), MemberRole.OWNER, session.startedAt())));
        });
    }

    /** Our staff act in a tenant only inside a live support session they opened with a reason. */
    private Optional<SupportSession> activeSupportSession(CurrentUser user, UUID tenantId) {
        if (!user.isVendorStaff()) {
            return Optional.empty();
        }
        return supportSessions.findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
                tenantId, user.subject(), Instant.now());
    }

    private static boolean clearedFor(SupportSession session) {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getAttribute(SupportGate.CLEARED_SESSION, UUID.class))
                .filter(session.id()::equals)
                .isPresent();
    }

    public <T> T asOwner(CurrentUser user, UUID tenantId, Function<Member, T> work) {
        return asMember(user, tenantId, member -> {
            if (member.role() != MemberRole.OWNER) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Only an owner of this company can do that");
            }
            return work.apply(member);
        });
    }
}
