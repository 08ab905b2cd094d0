package com.counterlink.tenancy;

import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.function.Function;

/**
 * The gate in front of every tenant endpoint: runs the work inside the tenant's transaction only
 * if the caller is a member. A tenant the caller does not belong to answers 404, like one that
 * does not exist, so ids leak nothing.
 */
@Singleton
public class TenantAccess {

    private final TenantTransactions transactions;
    private final MemberRepository members;

    public TenantAccess(TenantTransactions transactions, MemberRepository members) {
        this.transactions = transactions;
        this.members = members;
    }

    public <T> T asMember(CurrentUser user, UUID tenantId, Function<Member, T> work) {
        return transactions.inTenant(tenantId, user.subject(), () -> {
            Member member = members.findByTenantIdAndSubject(tenantId, user.subject())
                    .orElseThrow(() -> ApiException.notFound("Company"));
            return work.apply(member);
        });
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
