package com.counterlink.stripe.sandbox.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription: one per tenant, one item whose quantity is the number of connected stores. Periods live on the
 * items (there is no top-level current_period since 2025-03-31.basil); all items share one period here.
 */
public final class Subscription {
    /** Stripe expires an unpaid first invoice's subscription after 23 hours. */
    static final long INCOMPLETE_EXPIRY_SECONDS = 23 * 3600;
    static final long TRIAL_WILL_END_NOTICE_SECONDS = 3 * 24 * 3600;

    private final String id;
    private final String customerId;
    private final String testClockId;
    private final long created;
    private final String currency;
    private final String billingMode;
    private final List<SubscriptionItem> items = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private SubscriptionStatus status;
    private long billingCycleAnchor;
    private Long trialStart;
    private Long trialEnd;
    private String missingPaymentMethod = "create_invoice";
    private boolean trialWillEndSent;
    private String latestInvoice;
    private String description;
    private String defaultPaymentMethod;
    private boolean cancelAtPeriodEnd;
    private Long cancelAt;
    private Long canceledAt;
    private Long endedAt;
    private String cancellationComment;
    private String cancellationFeedback;
    private String cancellationReason;

    Subscription(String id, String customerId, String testClockId, long created, String currency, String billingMode,
                 SubscriptionStatus status) {
        this.id = id;
        this.customerId = customerId;
        this.testClockId = testClockId;
        this.created = created;
        this.currency = currency;
        this.billingMode = billingMode;
        this.status = status;
    }

    public String id() { return id; }

    public String customerId() { return customerId; }

    public String testClockId() { return testClockId; }

    public long created() { return created; }

    public String currency() { return currency; }

    public String billingMode() { return billingMode; }

    public List<SubscriptionItem> items() { return items; }

    public Map<String, String> metadata() { return metadata; }

    public SubscriptionStatus status() { return status; }

    void status(SubscriptionStatus next) {
        if (next == status) return;
        if (!status.canBecome(next)) throw new IllegalStateException("Subscription " + id + " cannot go from " + status + " to " + next);
        status = next;
    }

    public long billingCycleAnchor() { return billingCycleAnchor; }

    void billingCycleAnchor(long v) { billingCycleAnchor = v; }

    public Long trialStart() { return trialStart; }

    public Long trialEnd() { return trialEnd; }

    void trial(Long start, Long end) {
        trialStart = start;
        trialEnd = end;
    }

    public String missingPaymentMethod() { return missingPaymentMethod; }

    void missingPaymentMethod(String v) { missingPaymentMethod = v; }

    boolean trialWillEndSent() { return trialWillEndSent; }

    void trialWillEndSent(boolean v) { trialWillEndSent = v; }

    /** When {@code customer.subscription.trial_will_end} is due: three days before the trial ends, or at once for a shorter one. */
    Long trialWillEndAt() {
        if (status != SubscriptionStatus.TRIALING || trialWillEndSent || trialEnd == null) return null;
        return Math.max(created, trialEnd - TRIAL_WILL_END_NOTICE_SECONDS);
    }

    public String latestInvoice() { return latestInvoice; }

    void latestInvoice(String v) { latestInvoice = v; }

    public String description() { return description; }

    void description(String v) { description = v; }

    public String defaultPaymentMethod() { return defaultPaymentMethod; }

    void defaultPaymentMethod(String v) { defaultPaymentMethod = v; }

    public boolean cancelAtPeriodEnd() { return cancelAtPeriodEnd; }

    void cancelAtPeriodEnd(boolean v) { cancelAtPeriodEnd = v; }

    public Long cancelAt() { return cancelAt; }

    void cancelAt(Long v) { cancelAt = v; }

    public Long canceledAt() { return canceledAt; }

    void canceledAt(Long v) { canceledAt = v; }

    public Long endedAt() { return endedAt; }

    void endedAt(Long v) { endedAt = v; }

    public String cancellationComment() { return cancellationComment; }

    public String cancellationFeedback() { return cancellationFeedback; }

    public String cancellationReason() { return cancellationReason; }

    void cancellation(String comment, String feedback, String reason) {
        if (comment != null) cancellationComment = comment.isEmpty() ? null : comment;
        if (feedback != null) cancellationFeedback = feedback.isEmpty() ? null : feedback;
        if (reason != null) cancellationReason = reason;
    }

    /** The shared current period of the items. */
    public long currentPeriodStart() { return items.get(0).currentPeriodStart(); }

    public long currentPeriodEnd() { return items.get(0).currentPeriodEnd(); }
}
