package com.counterlink.support;

import com.counterlink.audit.AuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.platform.web.Problem;
import com.counterlink.tenancy.MemberRepository;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import com.counterlink.tenancy.TenantRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stands in front of every tenant endpoint for our staff who are not members of the tenant. Before the
 * request body is even read it finds their live support session, asks {@link SupportPermissions}
 * whether the endpoint's declared {@link TenantAction} is allowed, and records the attempt
 * ({@code support.access}, allowed or refused) in the tenant's audit log in a transaction of its own,
 * committed before the work starts, so the record survives whatever the work does. A refusal answers
 * 403 here; an allowed request carries the session to {@code TenantAccess}, which lets support in only
 * with it.
 */
@ServerFilter("/api/tenants/**")
public class SupportGate implements Ordered {

    /** Request attribute: the id of the support session this request was cleared under. */
    public static final String CLEARED_SESSION = "counterlink.support.cleared-session";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final TenantTransactions transactions;
    private final MemberRepository members;
    private final TenantRepository tenants;
    private final SupportSessionRepository sessions;
    private final AuditLog audit;

    public SupportGate(TenantTransactions transactions, MemberRepository members, TenantRepository tenants,
                       SupportSessionRepository sessions, AuditLog audit) {
        this.transactions = transactions;
        this.members = members;
        this.tenants = tenants;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> gate(HttpRequest<?> request) {
        Optional<CurrentUser> staff = request.getUserPrincipal(Authentication.class).map(CurrentUser::from)
                .filter(CurrentUser::isVendorStaff);
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        UUID tenantId = route.flatMap(SupportGate::tenantIdOf).orElse(null);
        if (staff.isEmpty() || tenantId == null) {
            return null;
        }
        TenantAction action = route.get().getAnnotationMetadata()
                .enumValue(TenantEndpoint.class, TenantAction.class).orElse(null);
        Decision decision = transactions.inTenant(tenantId, staff.get().subject(),
                () -> decide(staff.get(), tenantId, action, request));
        if (decision.refusal != null) {
            return HttpResponse.<Problem>status(decision.refusal.code().status())
                    .contentType(MediaType.of(Problem.MEDIA_TYPE))
                    .body(decision.refusal.toProblem());
        }
        if (decision.session != null) {
            request.setAttribute(CLEARED_SESSION, decision.session.id());
        }
        return null;
    }

    private record Decision(@Nullable SupportSession session, @Nullable ApiException refusal) {
    }

    private Decision decide(CurrentUser staff, UUID tenantId, @Nullable TenantAction action, HttpRequest<?> request) {
        if (members.findByTenantIdAndSubject(tenantId, staff.subject()).isPresent()) {
            return new Decision(null, null); // a member like anyone else
        }
        Instant now = Instant.now();
        Optional<SupportSession> live = sessions
                .findFirstByTenantIdAndStaffSubjectAndEndedAtIsNullAndExpiresAtGreaterThanOrderByStartedAtDesc(
                        tenantId, staff.subject(), now);
        if (live.isEmpty()) {
            if (tenants.findById(tenantId).isEmpty()) {
                return new Decision(null, null); // unknown: TenantAccess answers 404 as for anyone
            }
            ApiException refusal = new ApiException(ErrorCode.SUPPORT_SESSION_REQUIRED, whyNoSession(tenantId, staff));
            record(tenantId, staff, action, request, false, refusal);
            return new Decision(null, refusal);
        }
        SupportSession session = live.get();
        ApiException refusal = SupportPermissions.refusal(action, session, now).orElse(null);
        SupportContext.actingIn(session, () -> {
            record(tenantId, staff, action, request, session.writableAt(now), refusal);
            return null;
        });
        return new Decision(refusal == null ? session : null, refusal);
    }

    private String whyNoSession(UUID tenantId, CurrentUser staff) {
        return sessions.findFirstByTenantIdAndStaffSubjectOrderByStartedAtDesc(tenantId, staff.subject())
                .map(last -> last.endedAt() == null
                        ? "Your support session on this company expired at " + TIME.format(last.expiresAt())
                        : last.endedByStaff()
                        ? "You ended your support session on this company at " + TIME.format(last.endedAt())
                        : "The company ended your support session at " + TIME.format(last.endedAt()))
                .map(why -> why + "; open a new one, with a reason, to act in it again")
                .orElse("Open a support session on this company, with a reason, to act in it");
    }

    private void record(UUID tenantId, CurrentUser staff, @Nullable TenantAction action, HttpRequest<?> request,
                        boolean elevated, @Nullable ApiException refusal) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", request.getMethodName());
        detail.put("path", request.getPath());
        detail.put("action", action == null ? "UNDECLARED" : action.name());
        detail.put("elevated", elevated);
        detail.put("outcome", refusal == null ? "allowed" : "refused: " + refusal.code().name());
        audit.record(tenantId, staff, "support.access", "tenant", tenantId.toString(), detail);
    }

    private static Optional<UUID> tenantIdOf(RouteMatch<?> route) {
        if (!(route instanceof UriMatchInfo match)) {
            return Optional.empty();
        }
        Object value = match.getVariableValues().get("tenantId");
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a tenant id: the route answers 400 as for anyone
        }
    }
}
