package com.counterlink.tenancy;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Owners invite people by email; the invited person accepts with the link while signed in with that email,
 * verified.
 */
@Singleton
public class InvitationService {

    static final Duration VALIDITY = Duration.ofDays(7);
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String INVALID = "This invitation is not valid any more: ask the company's owner for a new one";
    private static final String NOT_VERIFIED = "Verify your email address before accepting an invitation: open the link"
            + " in the email we sent you (signing in again sends a new one), then open this invitation link again";
    private static final String OTHER_ADDRESS = "This invitation was sent to a different email address: sign in with the"
            + " address it was sent to, or ask the company's owner to invite the address you use";

    private final TenantAccess access;
    private final TenantTransactions transactions;
    private final InvitationRepository invitations;
    private final MemberRepository members;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final String publicUrl;

    public InvitationService(TenantAccess access, TenantTransactions transactions, InvitationRepository invitations,
                             MemberRepository members, TenantRepository tenants, AuditLog audit,
                             @Value("${counterlink.public-url:`http://localhost:8080`}") String publicUrl) {
        this.access = access;
        this.transactions = transactions;
        this.invitations = invitations;
        this.members = members;
        this.tenants = tenants;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public InvitationView invite(CurrentUser user, UUID tenantId, InviteCommand command) {
        String email = normalize(command.email());
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalidField("email", "Enter a valid email address");
        }
        MemberRole role = "owner".equals(command.role()) ? MemberRole.OWNER : MemberRole.MEMBER;
        return access.asOwner(user, tenantId, owner -> {
            boolean alreadyMember = members.findByTenantIdOrderByJoinedAt(tenantId).stream()
                    .anyMatch(m -> m.email() != null && normalize(m.email()).equals(email));
            if (alreadyMember) {
                throw new ApiException(ErrorCode.CONFLICT, email + " is already a member of this company");
            }
            // a new invitation to the same address replaces the pending one, so one link is valid at a time
            invitations.findByTenantIdAndStatusOrderByCreatedAtDesc(tenantId, InvitationStatus.PENDING).stream()
                    .filter(i -> i.email().equals(email))
                    .forEach(i -> invitations.update(withStatus(i, InvitationStatus.REVOKED, null)));
            UUID id = UUID.randomUUID();
            InvitationToken token = InvitationToken.issue(tenantId, id);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Invitation invitation = invitations.save(new Invitation(id, tenantId, email, role, token.secretHash(),
                    user.subject(), now, now.plus(VALIDITY), InvitationStatus.PENDING, null, null));
            audit.record(tenantId, user, "member.invited", "invitation", id.toString(),
                    Map.of("email", email, "role", role.apiName()));
            return InvitationView.of(invitation, publicUrl + "/invitations/accept?token="
                    + URLEncoder.encode(token.value(), StandardCharsets.UTF_8));
        });
    }

    public List<InvitationView> pending(CurrentUser user, UUID tenantId) {
        return access.asOwner(user, tenantId, owner ->
                invitations.findByTenantIdAndStatusOrderByCreatedAtDesc(tenantId, InvitationStatus.PENDING).stream()
                        .map(i -> InvitationView.of(i, null)).toList());
    }

    public void revoke(CurrentUser user, UUID tenantId, UUID invitationId) {
        access.asOwner(user, tenantId, owner -> {
            Invitation invitation = invitations.findById(invitationId)
                    .filter(i -> i.status() == InvitationStatus.PENDING)
                    .orElseThrow(() -> ApiException.notFound("Invitation"));
            invitations.update(withStatus(invitation, InvitationStatus.REVOKED, null));
            audit.record(tenantId, user, "member.invitation-revoked", "invitation", invitationId.toString(),
                    Map.of("email", invitation.email()));
            return null;
        });
    }

    public TenantView accept(CurrentUser user, AcceptInvitationCommand command) {
        InvitationToken token = InvitationToken.parse(command.token())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, INVALID));
        return transactions.inTenant(token.tenantId(), user.subject(), () -> {
            Invitation invitation = invitations.findById(token.invitationId())
                    .filter(i -> i.tenantId().equals(token.tenantId()) && token.matches(i.secretHash()))
                    .filter(i -> i.status() == InvitationStatus.PENDING && !i.expired(Instant.now()))
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, INVALID));
            if (invitation.invitedBy().equals(user.subject())) {
                // nobody has a reason to join through their own invitation; support once could (docs/security.md)
                throw new ApiException(ErrorCode.FORBIDDEN, "You cannot accept an invitation you created yourself: "
                        + "ask an owner of the company to invite you");
            }
            requireInvitedAddress(user, invitation);
            MemberRole role = members.findByTenantIdAndSubject(token.tenantId(), user.subject())
                    .map(Member::role)
                    .orElseGet(() -> members.save(new Member(UUID.randomUUID(), token.tenantId(), user.subject(),
                            user.email(), user.name(), invitation.role(), Instant.now())).role());
            invitations.update(withStatus(invitation, InvitationStatus.ACCEPTED, user.subject()));
            audit.record(token.tenantId(), user, "member.joined", "member", user.subject(),
                    Map.of("email", invitation.email(), "role", role.apiName()));
            return TenantView.of(tenants.findById(token.tenantId()).orElseThrow(), role);
        });
    }

    /**
     * The link alone is not enough: the person must have proved to Keycloak that they own the invited address.
     * Verification is checked first, so an unverified account learns nothing about which address was invited;
     * a verified one for another address is refused without being told the invited address.
     */
    private static void requireInvitedAddress(CurrentUser user, Invitation invitation) {
        if (!user.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_NOT_VERIFIED, NOT_VERIFIED);
        }
        if (user.email() == null || !normalize(user.email()).equals(invitation.email())) {
            throw new ApiException(ErrorCode.FORBIDDEN, OTHER_ADDRESS);
        }
    }

    private static Invitation withStatus(Invitation i, InvitationStatus status, String acceptedBy) {
        return new Invitation(i.id(), i.tenantId(), i.email(), i.role(), i.secretHash(), i.invitedBy(), i.createdAt(),
                i.expiresAt(), status, acceptedBy, acceptedBy == null ? null : Instant.now());
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
