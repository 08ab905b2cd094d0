package com.counterlink.support;

import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.tenancy.TenantAction;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * The one place that decides what our staff may do in a tenant through a live support session:
 * reads always; the few {@link TenantAction#SUPPORT_WRITE support writes} only while the session is
 * elevated; {@link TenantAction#TENANT_ONLY} and undeclared endpoints never.
 */
public final class SupportPermissions {

    private SupportPermissions() {
    }

    /** Empty when allowed, else the refusal to answer with. */
    public static Optional<ApiException> refusal(@Nullable TenantAction action, SupportSession session, Instant now) {
        if (action == null || action == TenantAction.TENANT_ONLY) {
            return Optional.of(new ApiException(ErrorCode.SUPPORT_NOT_ALLOWED,
                    "Counterlink support cannot do this on a company's behalf, even in an elevated session: "
                            + "only the company's own people can"));
        }
        if (action == TenantAction.SUPPORT_WRITE && !session.writableAt(now)) {
            return Optional.of(new ApiException(ErrorCode.SUPPORT_READ_ONLY,
                    "This support session is read-only: elevate it for writes, with a reason, first"));
        }
        return Optional.empty();
    }
}
