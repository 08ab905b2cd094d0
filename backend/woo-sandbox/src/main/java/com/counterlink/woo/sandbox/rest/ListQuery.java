package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.store.WpFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The collection parameters every CRUD controller shares: date windows, include/exclude, orderby/order. */
public final class ListQuery<T> {
    private final Request req;
    private final Function<T, Long> id;
    private final Function<T, Instant> created;
    private final Function<T, Instant> modified;

    public ListQuery(Request req, Function<T, Long> id, Function<T, Instant> created, Function<T, Instant> modified) {
        this.req = req;
        this.id = id;
        this.created = created;
        this.modified = modified;
    }

    public List<T> filter(List<T> items) {
        Instant after = date("after");
        Instant before = date("before");
        Instant modAfter = date("modified_after");
        Instant modBefore = date("modified_before");
        Set<Long> include = ids("include");
        Set<Long> exclude = ids("exclude");
        List<T> out = new ArrayList<>();
        for (T t : items) {
            // WP_Query date_query bounds are exclusive.
            if (after != null && !created.apply(t).isAfter(after)) continue;
            if (before != null && !created.apply(t).isBefore(before)) continue;
            if (modAfter != null && !modified.apply(t).isAfter(modAfter)) continue;
            if (modBefore != null && !modified.apply(t).isBefore(modBefore)) continue;
            if (!include.isEmpty() && !include.contains(id.apply(t))) continue;
            if (exclude.contains(id.apply(t))) continue;
            out.add(t);
        }
        return out;
    }

    /** Default orderby=date desc. Ties are broken by id in the same direction, where MySQL gives no stable order. */
    public List<T> sort(List<T> items, List<String> allowed, Function<String, Comparator<T>> extra) {
        String orderby = req.query("orderby") == null ? "date" : req.query("orderby");
        if (!allowed.contains(orderby)) {
            throw RestException.invalidParam("orderby", "rest_not_in_enum", ParamValidator.notOneOf("orderby", allowed));
        }
        String order = req.query("order") == null ? "desc" : req.query("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw RestException.invalidParam("order", "rest_not_in_enum", ParamValidator.notOneOf("order", List.of("asc", "desc")));
        }
        Comparator<T> byId = Comparator.comparing(id);
        Comparator<T> c = switch (orderby) {
            case "id" -> byId;
            case "modified" -> Comparator.comparing(modified).thenComparing(byId);
            case "include" -> {
                List<Long> inc = new ArrayList<>(ids("include"));
                yield Comparator.comparing((T t) -> inc.indexOf(id.apply(t))).thenComparing(byId);
            }
            case "date" -> Comparator.comparing(created).thenComparing(byId);
            default -> extra.apply(orderby) == null ? Comparator.comparing(created).thenComparing(byId) : extra.apply(orderby).thenComparing(byId);
        };
        if (order.equals("desc")) c = c.reversed();
        List<T> out = new ArrayList<>(items);
        out.sort(c);
        return out;
    }

    private Instant date(String name) {
        String v = req.query(name);
        if (v == null || v.isEmpty()) return null;
        Instant i = WpFormat.parseDate(v);
        if (i == null) throw RestException.invalidParam(name, "rest_invalid_date", "Invalid date.");
        return i;
    }

    private Set<Long> ids(String name) {
        Set<Long> out = new java.util.LinkedHashSet<>();
        for (String v : req.queryAll(name)) {
            Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> {
                try {
                    out.add(Long.parseLong(s));
                } catch (NumberFormatException ignored) {
                    // WordPress drops non-numeric ids silently (wp_parse_id_list).
                }
            });
        }
        return out;
    }

    public static Set<String> csv(List<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
