package com.counterlink.woo.sandbox.coupon;

import com.counterlink.woo.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.time.Instant;

/** A shop_coupon post. */
public final class Coupon {
    public long id;
    public String code;
    public BigDecimal amount = BigDecimal.ZERO;
    public String status = "publish";
    public String discountType = "fixed_cart";
    public String description = "";
    public Instant dateExpires;
    public int usageCount;
    public boolean individualUse;
    public Integer usageLimit;
    public Integer usageLimitPerUser;
    public Integer limitUsageToXItems;
    public boolean freeShipping;
    public boolean excludeSaleItems;
    public String minimumAmount = "0.00";
    public String maximumAmount = "0.00";
    public ArrayNode productIds = Json.array();
    public ArrayNode excludedProductIds = Json.array();
    public ArrayNode emailRestrictions = Json.array();
    public ArrayNode usedBy = Json.array();
    public ArrayNode metaData = Json.array();
    public Instant dateCreated;
    public Instant dateModified;
}
