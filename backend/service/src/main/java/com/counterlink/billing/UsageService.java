package com.counterlink.billing;

import com.counterlink.billing.UsageViews.MonthUsage;
import com.counterlink.billing.UsageViews.Period;
import com.counterlink.billing.UsageViews.StoreMonth;
import com.counterlink.billing.UsageViews.Trial;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.platform.web.ApiException;
import com.counterlink.tenancy.TenantAccess;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A company's usage in a month, rebuilt from the stores' billable-state history: store-days and the periods
 * that made them, priced by the month's plan and prorated by the second outside the trial.
 */
@Singleton
public class UsageService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final TenantAccess access;
    private final TenantTransactions transactions;
    private final MeterHistory history;
    private final Plans plans;
    private final TxSql sql;
    private final Clock clock;

    UsageService(TenantAccess access, TenantTransactions transactions, MeterHistory history, Plans plans, TxSql sql) {
        this.access = access;
        this.transactions = transactions;
        this.history = history;
        this.plans = plans;
        this.sql = sql;
        this.clock = Clock.systemUTC();
    }

    /** Any member (and support in a session); {@code month} is YYYY-MM, the current month (UTC) when left out. */
    public MonthUsage usage(CurrentUser user, UUID tenantId, @Nullable String month) {
        return access.asMember(user, tenantId, member -> usageInTransaction(parse(month), clock.instant()));
    }

    /** For collection (a payment adapter): the same answer, outside any request. */
    public MonthUsage usage(UUID tenantId, YearMonth month) {
        return transactions.inTenant(tenantId, null, () -> usageInTransaction(month, clock.instant()));
    }

    private MonthUsage usageInTransaction(YearMonth month, Instant now) {
        Window period = Window.of(month);
        Optional<Plan> plan = plans.inEffectAt(period.from());
        Window trial = trial().orElse(null);
        Long unitAmount = plan.map(Plan::unitAmount).orElse(null);
        Map<UUID, List<StateChange>> changes = history.changesFor(period.from(), period.to()).stream()
                .collect(Collectors.groupingBy(StateChange::siteId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, StoreName> stores = stores();
        List<StoreMonth> months = new ArrayList<>();
        changes.forEach((siteId, rows) -> {
            StoreUsage usage = UsageCalculator.store(siteId, rows, period, now, trial, unitAmount);
            if (!usage.periods().isEmpty()) {
                StoreName store = stores.getOrDefault(siteId, new StoreName("", "REMOVED"));
                months.add(new StoreMonth(siteId, store.name(), store.status(), usage.storeDays(), usage.billableSeconds(),
                        usage.chargedSeconds(), usage.amount(), usage.periods().stream().map(Period::of).toList()));
            }
        });
        months.sort(Comparator.comparing(StoreMonth::name).thenComparing(StoreMonth::siteId));
        Instant countedUntil = UsageCalculator.counted(period, now).to();
        Long amount = unitAmount == null ? null : months.stream().mapToLong(StoreMonth::amount).sum();
        return new MonthUsage(month.toString(), period.from(), period.to(), countedUntil,
                plan.map(UsageViews.Price::of).orElse(null), trial == null ? null : new Trial(trial.from(), trial.to()),
                months.stream().mapToInt(StoreMonth::storeDays).sum(), amount, history.billableNow().size(), months);
    }

    /** From the first moment any store was billable, as long as the plan in force then said (14 days by default). */
    private Optional<Window> trial() {
        return history.firstBillableAt().flatMap(first -> {
            int days = plans.inEffectAt(first).map(Plan::trialDays).orElse(Plan.DEFAULT_TRIAL_DAYS);
            return days == 0 ? Optional.empty() : Optional.of(new Window(first, first.plus(Duration.ofDays(days))));
        });
    }

    private record StoreName(String name, String status) {
    }

    /** Name and status of every store of the tenant, removed ones too. */
    private Map<UUID, StoreName> stores() {
        Map<UUID, StoreName> stores = new LinkedHashMap<>();
        sql.query("SELECT id, name, status FROM sites", row -> stores.put(row.getObject("id", UUID.class),
                new StoreName(row.getString("name"), row.getString("status"))));
        return stores;
    }

    static YearMonth parse(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(ZoneOffset.UTC);
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip(), MONTH);
            if (parsed.getYear() < 2000 || parsed.getYear() > 9999) {
                throw ApiException.invalidField("month", "a month from 2000-01 on, as YYYY-MM");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("month", "a month as YYYY-MM, e.g. 2026-04");
        }
    }
}
