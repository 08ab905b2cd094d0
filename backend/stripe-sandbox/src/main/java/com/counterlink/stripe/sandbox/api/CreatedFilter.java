package com.counterlink.stripe.sandbox.api;

import java.util.function.LongPredicate;

/** A timestamp filter: {@code created=<unix>} or {@code created[gt|gte|lt|lte]=<unix>}. */
public final class CreatedFilter {
    private CreatedFilter() {}

    public static LongPredicate from(Params params, String key) {
        if (!params.has(key)) return t -> true;
        if (params.raw().get(key).isValueNode()) {
            long exact = params.longValue(key).orElseThrow();
            return t -> t == exact;
        }
        Params range = params.object(key).orElseThrow().allow(java.util.Set.of("gt", "gte", "lt", "lte"));
        Long gt = range.longValue("gt").orElse(null);
        Long gte = range.longValue("gte").orElse(null);
        Long lt = range.longValue("lt").orElse(null);
        Long lte = range.longValue("lte").orElse(null);
        return t -> (gt == null || t > gt) && (gte == null || t >= gte) && (lt == null || t < lt) && (lte == null || t <= lte);
    }
}
