package com.counterlink.tenancy;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Singleton
public class TenantService {

    private static final int MAX_SLUG_ATTEMPTS = 50;

    private final TenantTransactions transactions;
    private final TenantAccess access;
    private final TenantRepository tenants;
    private final MemberRepository members;
    private final AuditLog audit;

    public TenantService(TenantTransactions transactions, TenantAccess access, TenantRepository tenants,
                         MemberRepository members, AuditLog audit) {
        this.transactions = transactions;
        this.access = access;
        this.tenants = tenants;
        this.members = members;
        this.audit = audit;
    }

    public List<MembershipView> membershipsOf(CurrentUser user) {
        return transactions.asPerson(user.subject(), () -> members.findBySubjectOrderByJoinedAt(user.subject())
                .stream()
                .map(m -> new MembershipView(m.tenantId(),
                        tenants.findById(m.tenantId()).map(Tenant::name).orElse(null),
                        m.role().apiName()))
                .toList());
    }

    /** A signed-up person creates their company and becomes its owner. */
    public TenantView create(CurrentUser user, CreateTenantCommand command) {
        String name = command.name().strip();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(id, user.subject(), () -> {
            String slug = claimSlug(id, name, now, user.subject());
            members.save(new Member(UUID.randomUUID(), id, user.subject(), user.email(), user.name(),
                    MemberRole.OWNER, now));
            audit.record(id, user, "tenant.created", "tenant", id.toString(), Map.of("name", name, "slug", slug));
            Tenant tenant = tenants.findById(id).orElseThrow();
            return TenantView.of(tenant, MemberRole.OWNER);
        });
    }

    private String claimSlug(UUID id, String name, Instant now, String subject) {
        String base = Slugs.of(name);
        for (int attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
            String slug = attempt == 1 ? base : base + "-" + attempt;
            if (tenants.insertIfSlugFree(id, name, slug, now, subject) == 1) {
                return slug;
            }
        }
        throw new ApiException(com.counterlink.platform.web.ErrorCode.CONFLICT,
                "Too many companies are named like \"" + name + "\"; choose a more distinctive name");
    }

    public TenantView get(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member -> TenantView.of(
                tenants.findById(tenantId).orElseThrow(() -> ApiException.notFound("Company")), member.role()));
    }

    public MemberView changeRole(CurrentUser user, UUID tenantId, String subject, ChangeRoleCommand command) {
        MemberRole role = MemberRole.valueOf(command.role().toUpperCase(java.util.Locale.ROOT));
        return access.asOwner(user, tenantId, owner -> {
            Member member = members.findByTenantIdAndSubject(tenantId, subject)
                    .orElseThrow(() -> ApiException.notFound("Member"));
            if (member.role() == MemberRole.OWNER && role != MemberRole.OWNER) {
                requireAnotherOwner(tenantId, subject);
            }
            Member changed = members.update(new Member(member.id(), member.tenantId(), member.subject(), member.email(),
                    member.displayName(), role, member.joinedAt()));
            audit.record(tenantId, user, "member.role-changed", "member", subject,
                    Map.of("from", member.role().apiName(), "to", role.apiName()));
            return MemberView.of(changed);
        });
    }

    /** An owner removes someone, or a person leaves; a company always keeps at least one owner. */
    public void removeMember(CurrentUser user, UUID tenantId, String subject) {
        access.asMember(user, tenantId, caller -> {
            boolean leaving = caller.subject().equals(subject);
            if (!leaving && caller.role() != MemberRole.OWNER) {
                throw new ApiException(com.counterlink.platform.web.ErrorCode.FORBIDDEN,
                        "Only an owner of this company can remove members");
            }
            Member member = members.findByTenantIdAndSubject(tenantId, subject)
                    .orElseThrow(() -> ApiException.notFound("Member"));
            if (member.role() == MemberRole.OWNER) {
                requireAnotherOwner(tenantId, subject);
            }
            members.delete(member);
            audit.record(tenantId, user, leaving ? "member.left" : "member.removed", "member", subject,
                    Map.of("email", String.valueOf(member.email())));
            return null;
        });
    }

    private void requireAnotherOwner(UUID tenantId, String subject) {
        boolean another = members.findByTenantIdOrderByJoinedAt(tenantId).stream()
                .anyMatch(m -> m.role() == MemberRole.OWNER && !m.subject().equals(subject));
        if (!another) {
            throw new ApiException(com.counterlink.platform.web.ErrorCode.CONFLICT,
                    "A company needs at least one owner: make someone else an owner first");
        }
    }

    public List<MemberView> members(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member ->
                members.findByTenantIdOrderByJoinedAt(tenantId).stream().map(MemberView::of).toList());
    }
}
