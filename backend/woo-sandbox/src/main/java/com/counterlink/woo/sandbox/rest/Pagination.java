package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** per_page/page/offset handling and the X-WP-Total, X-WP-TotalPages and Link headers WordPress sends. */
public final class Pagination {
    private final int perPage;
    private final int page;
    private final int offset;

    private Pagination(int perPage, int page, int offset) {
        this.perPage = perPage;
        this.page = page;
        this.offset = offset;
    }

    public static Pagination from(Request req) {
        int perPage = intParam(req, "per_page", 10);
        if (perPage < 1 || perPage > 100) {
            throw RestException.invalidParam("per_page", "rest_out_of_bounds", "per_page must be between 1 (inclusive) and 100 (inclusive)");
        }
        int page = intParam(req, "page", 1);
        if (page < 1) throw RestException.invalidParam("page", "rest_out_of_bounds", "page must be greater than or equal to 1");
        int offset = req.query("offset") == null ? -1 : intParam(req, "offset", 0);
        return new Pagination(perPage, page, offset);
    }

    /** rest_is_integer(): "10" and "10.0" are integers, "ten" and "2.5" are not (rest_invalid_type). */
    private static int intParam(Request req, String name, int def) {
        String v = req.query(name);
        if (v == null || v.isEmpty()) return def;
        ParamValidator.validate(TextNode.valueOf(v), ParamSchema.integer(), name).ifPresent(f -> ParamValidator.throwIfAny(Map.of(name, f)));
        return (int) Double.parseDouble(v.strip());
    }

    public <T> List<T> slice(List<T> all) {
        int from = offset >= 0 ? offset : (page - 1) * perPage;
        if (from >= all.size()) return List.of();
        return all.subList(from, Math.min(all.size(), from + perPage));
    }

    /** Adds the paging headers; the Link header then replaces WordPress's api.w.org discovery link. */
    public void headers(Response resp, int total, String collectionUrl, Request req) {
        int totalPages = total == 0 ? 0 : (int) Math.ceil(total / (double) perPage);
        resp.header("X-WP-Total", String.valueOf(total));
        resp.header("X-WP-TotalPages", String.valueOf(totalPages));
        List<String> links = new ArrayList<>();
        if (page > 1) {
            int prev = Math.min(page - 1, totalPages);
            if (prev >= 1) links.add("<" + pageUrl(collectionUrl, req, prev) + ">; rel=\"prev\"");
        }
        if (page < totalPages) links.add("<" + pageUrl(collectionUrl, req, page + 1) + ">; rel=\"next\"");
        if (!links.isEmpty()) resp.replaceHeader("Link", String.join(", ", links));
    }

    private static String pageUrl(String base, Request req, int page) {
        StringBuilder q = new StringBuilder();
        boolean replaced = false;
        for (Map.Entry<String, List<String>> e : req.queryParams().entrySet()) {
            String value = e.getKey().equals("page") ? String.valueOf(page) : e.getValue().get(e.getValue().size() - 1);
            replaced |= e.getKey().equals("page");
            if (!q.isEmpty()) q.append('&');
            q.append(enc(e.getKey())).append('=').append(enc(value));
        }
        if (!replaced) q.append(q.isEmpty() ? "" : "&").append("page=").append(page);
        return base + "?" + q;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
