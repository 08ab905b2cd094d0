package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.catalog.Price;

import java.util.Map;

/** An item of a subscription being created. */
record NewItem(Price price, long quantity, Map<String, String> metadata) {}
