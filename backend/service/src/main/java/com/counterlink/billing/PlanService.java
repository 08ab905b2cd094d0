package com.counterlink.billing;

import com.counterlink.audit.StaffAuditLog;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.platform.web.Problem;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our staff read the plans; only an admin ({@code vendor-admin}) sets a new one, recorded in the staff audit.
 * A new plan takes effect at the start of next month, so a period already begun keeps its price; only the
 * very first plan, when no price is in force yet, prices the current month.
 */
@Singleton
public class PlanService {

    static final long MAX_UNIT_AMOUNT = 99_999_999L;
    static final int MAX_TRIAL_DAYS = 365;
    static final int MAX_GRACE_DAYS = 90;

    private final TenantTransactions transactions;
    private final Plans plans;
    private final StaffAuditLog staffAudit;
    private final Clock clock;

    public PlanService(TenantTransactions transactions, Plans plans, StaffAuditLog staffAudit) {
        this(transactions, plans, staffAudit, Clock.systemUTC());
    }

    PlanService(TenantTransactions transactions, Plans plans, StaffAuditLog staffAudit, Clock clock) {
        this.transactions = transactions;
        this.plans = plans;
        this.staffAudit = staffAudit;
        this.clock = clock;
    }

    public PlansView plans(CurrentUser staff) {
        if (!staff.isVendorStaff()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only Counterlink staff can see the plans");
        }
        Instant now = clock.instant();
        return transactions.asVendorStaff(staff.subject(), () -> {
            Optional<Plan> inEffect = plans.inEffectAt(now);
            Optional<Plan> next = plans.inEffectAt(nextPeriodStart(now)).filter(p -> p.effectiveFrom().isAfter(now));
            return new PlansView(inEffect.orElse(null), next.orElse(null), plans.history());
        });
    }

    public Plan change(CurrentUser staff, PlanCommand command) {
        if (!staff.roles().contains(CurrentUser.VENDOR_ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a Counterlink admin (vendor-admin) can change prices");
        }
        String currency = validate(command);
        Instant now = clock.instant();
        return transactions.recordingVendorStaff(staff.subject(), () -> {
            Optional<Plan> inEffect = plans.inEffectAt(now);
            Instant effectiveFrom = effectiveFrom(inEffect.isPresent(), now);
            Optional<Plan> before = plans.inEffectAt(effectiveFrom);
            int trialDays = command.trialDays() != null ? command.trialDays()
                    : before.map(Plan::trialDays).orElse(Plan.DEFAULT_TRIAL_DAYS);
            int graceDays = command.graceDays() != null ? command.graceDays()
                    : before.map(Plan::graceDays).orElse(Plan.DEFAULT_GRACE_DAYS);
            Plan plan = plans.add(effectiveFrom, currency, command.unitAmount(), trialDays, graceDays, staff.subject(),
                    staff.email());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("planId", plan.id());
            detail.put("effectiveFrom", plan.effectiveFrom().toString());
            detail.put("currency", plan.currency());
            detail.put("unitAmount", plan.unitAmount());
            detail.put("trialDays", plan.trialDays());
            detail.put("graceDays", plan.graceDays());
            detail.put("replaces", before.map(Plan::id).orElse(null));
            staffAudit.record(staff, "billing.plan.changed", detail);
            return plan;
        });
    }

    /** Next month's start once a price is in force; the current month's start while none is. */
    static Instant effectiveFrom(boolean pricedNow, Instant now) {
        return pricedNow ? nextPeriodStart(now) : Window.of(YearMonth.from(now.atOffset(ZoneOffset.UTC))).from();
    }

    static Instant nextPeriodStart(Instant now) {
        return Window.of(YearMonth.from(now.atOffset(ZoneOffset.UTC))).to();
    }

    /** Every field at once, so the admin fixes them in one go; answers the currency as stored. */
    private static String validate(PlanCommand command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (command.unitAmount() == null || command.unitAmount() < 0 || command.unitAmount() > MAX_UNIT_AMOUNT) {
            errors.add(new Problem.FieldError("unitAmount",
                    "the price per store per month in the currency's minor unit (e.g. 2900 for 29.00), 0 to " + MAX_UNIT_AMOUNT));
        }
        String currency = command.currency() == null ? "" : command.currency().strip().toUpperCase(Locale.ROOT);
        if (!knownCurrency(currency)) {
            errors.add(new Problem.FieldError("currency", "an ISO 4217 currency code such as USD or EUR"));
        }
        if (command.trialDays() != null && (command.trialDays() < 0 || command.trialDays() > MAX_TRIAL_DAYS)) {
            errors.add(new Problem.FieldError("trialDays", "0 to " + MAX_TRIAL_DAYS + " days"));
        }
        if (command.graceDays() != null && (command.graceDays() < 0 || command.graceDays() > MAX_GRACE_DAYS)) {
            errors.add(new Problem.FieldError("graceDays", "0 to " + MAX_GRACE_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The plan has invalid fields", errors);
        }
        return currency;
    }

    private static boolean knownCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
