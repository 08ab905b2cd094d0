package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.customer.Customer;

import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /v1/subscriptions}.
 *
 * @param trialEnd         end of the trial, or null for none
 * @param paymentBehavior  allow_incomplete | default_incomplete | error_if_incomplete
 */
record CreateRequest(Customer customer, List<NewItem> items, Long trialEnd, String missingPaymentMethod, String paymentBehavior,
                     String defaultPaymentMethod, Map<String, String> metadata, String description, boolean cancelAtPeriodEnd,
                     String billingMode) {}
