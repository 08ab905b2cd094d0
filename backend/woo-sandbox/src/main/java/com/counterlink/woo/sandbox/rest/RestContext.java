package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.Request;
import com.counterlink.woo.sandbox.store.Store;

import java.util.List;

/**
 * A matched REST request.
 *
 * @param route the wp-json route, e.g. /wc/v3/products/10
 * @param args  the route's captured path parameters
 */
public record RestContext(Store store, Request request, String route, List<String> args) {
    public long idArg(int i) {
        try {
            return Long.parseLong(args.get(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean flag(String name) {
        String v = request.query(name);
        if (v == null && request.json().has(name)) v = request.json().get(name).asText();
        return v != null && (v.equals("true") || v.equals("1") || v.equals("yes"));
    }
}
