package com.counterlink.stripe.sandbox.api;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One page of a Stripe list: {@code {"object":"list","data":[...],"has_more":bool,"url":"/v1/..."}}, newest first,
 * with {@code limit} (1-100, default 10), {@code starting_after} and {@code ending_before} cursors.
 */
public final class ListPage {
    public static final Set<String> PARAMS = Set.of("limit", "starting_after", "ending_before");

    private ListPage() {}

    /**
     * @param newestFirst every object matching the filters, newest first
     * @param kind        the object's name in "No such ..." errors for an unknown cursor
     */
    public static <T> ObjectNode of(List<T> newestFirst, Function<T, String> id, Function<T, ObjectNode> render,
                                    Params params, String url, String kind) {
        long limit = params.longValue("limit").orElse(10L);
        if (limit < 1 || limit > 100) {
            throw ApiError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        String after = params.nonEmptyString("starting_after").orElse(null);
        String before = params.nonEmptyString("ending_before").orElse(null);
        if (after != null && before != null) {
            throw ApiError.invalidRequest("You may only specify one of these parameters: ending_before, starting_after.");
        }
        int from;
        int to;
        boolean hasMore;
        if (before != null) {
            int at = indexOf(newestFirst, id, before, kind, "ending_before");
            to = at;
            from = (int) Math.max(0, at - limit);
            hasMore = from > 0;
        } else {
            from = after == null ? 0 : indexOf(newestFirst, id, after, kind, "starting_after") + 1;
            to = (int) Math.min(newestFirst.size(), from + limit);
            hasMore = to < newestFirst.size();
        }
        ObjectNode page = Json.object();
        page.put("object", "list");
        ArrayNode data = page.putArray("data");
        for (T item : newestFirst.subList(from, to)) data.add(render.apply(item));
        page.put("has_more", hasMore);
        page.put("url", url);
        return page;
    }

    /** A list object embedded in another (subscription items, invoice lines): the first page, as Stripe embeds it. */
    public static <T> ObjectNode embedded(List<T> all, Function<T, ObjectNode> render, int limit, String url) {
        ObjectNode page = Json.object();
        page.put("object", "list");
        ArrayNode data = page.putArray("data");
        all.stream().limit(limit).forEach(item -> data.add(render.apply(item)));
        page.put("has_more", all.size() > limit);
        page.put("url", url);
        return page;
    }

    private static <T> int indexOf(List<T> list, Function<T, String> id, String wanted, String kind, String param) {
        for (int i = 0; i < list.size(); i++) if (id.apply(list.get(i)).equals(wanted)) return i;
        throw ApiError.noSuchParam(kind, wanted, param);
    }
}
