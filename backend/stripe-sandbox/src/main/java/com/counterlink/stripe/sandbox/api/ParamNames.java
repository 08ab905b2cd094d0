package com.counterlink.stripe.sandbox.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the set of parameter names an endpoint accepts. */
public final class ParamNames {
    private ParamNames() {}

    @SafeVarargs
    public static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) all.addAll(s);
        return Set.copyOf(all);
    }

    public static Set<String> of(String... names) { return Set.copyOf(List.of(names)); }
}
