package com.counterlink.woo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a recorded WooCommerce body with the sandbox's: same keys, same values, except volatile ones
 * (ids are checked through the recorded-to-sandbox id map, dates only for format, host/port rewritten).
 */
final class FixtureComparator {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Set<String> IGNORED = Set.of("order_key", "related_ids", "consumer_key", "consumer_secret");
    private static final Set<String> ID_REFS = Set.of("product_id", "variation_id", "parent_id", "resource_id");
    private static final Pattern URL_ID = Pattern.compile("/(\\d+)(?=/|$|\\?)");

    final Map<Long, Long> ids = new HashMap<>();
    /** date_created of every resource seen in the recordings, to recognise MySQL's unstable order of equal dates. */
    final Map<Long, String> recordedCreated = new HashMap<>();
    final Map<String, String> hosts = new HashMap<>();
    final List<String> notes = new ArrayList<>();

    long map(long recorded) { return ids.getOrDefault(recorded, recorded); }

    String rewrite(String s) {
        for (Map.Entry<String, String> h : hosts.entrySet()) {
            if (s.startsWith(h.getKey())) {
                String rest = s.substring(h.getKey().length());
                Matcher m = URL_ID.matcher(rest);
                StringBuilder sb = new StringBuilder();
                while (m.find()) m.appendReplacement(sb, "/" + map(Long.parseLong(m.group(1))));
                m.appendTail(sb);
                return h.getValue() + sb;
            }
        }
        return s;
    }

    void learnDates(JsonNode recorded) {
        if (recorded.isArray()) recorded.forEach(this::learnDates);
        if (recorded.isObject()) {
            if (recorded.has("id") && recorded.has("date_created")) recordedCreated.putIfAbsent(recorded.get("id").asLong(), recorded.get("date_created").asText());
            for (String k : new String[]{"create", "update", "delete"}) if (recorded.has(k)) learnDates(recorded.get(k));
        }
    }

    /** Registers the ids of top-level resources (body, list elements, batch entries). */
    void learnIds(JsonNode recorded, JsonNode actual) {
        if (recorded == null || actual == null) return;
        if (recorded.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.min(recorded.size(), actual.size()); i++) learnIds(recorded.get(i), actual.get(i));
        } else if (recorded.isObject() && actual.isObject()) {
            if (recorded.path("id").isNumber() && actual.path("id").isNumber() && recorded.get("id").asLong() != 0 && !recorded.has("error")) {
                ids.putIfAbsent(recorded.get("id").asLong(), actual.get("id").asLong());
            }
            for (String k : new String[]{"create", "update", "delete"}) if (recorded.has(k)) learnIds(recorded.get(k), actual.get(k));
        }
    }

    List<String> compareTop(JsonNode recorded, JsonNode actual) {
        List<String> diffs = new ArrayList<>();
        if (recorded.isArray() && actual.isArray() && recorded.size() == actual.size()) {
            for (int i = 0; i < recorded.size(); i++) {
                JsonNode r = recorded.get(i);
                JsonNode a = actual.get(i);
                long rid = r.path("id").asLong();
                long aid = a.path("id").asLong();
                if (r.has("id") && map(rid) != aid) {
                    long aRecorded = ids.entrySet().stream().filter(e -> e.getValue() == aid).map(Map.Entry::getKey).findFirst().orElse(-1L);
                    String rDate = recordedCreated.get(rid);
                    if (rDate != null && rDate.equals(recordedCreated.get(aRecorded))) {
                        notes.add("[" + i + "] recorded id " + rid + ", sandbox gave " + aRecorded + " (same date_created " + rDate
                                + ": MySQL order of ties is unstable); compared shape only");
                        compareKeys("[" + i + "]", r, a, diffs);
                        continue;
                    }
                }
                compare("[" + i + "]", null, r, a, diffs);
            }
            return diffs;
        }
        compare("", null, recorded, actual, diffs);
        return diffs;
    }

    private void compareKeys(String path, JsonNode r, JsonNode a, List<String> diffs) {
        Set<String> rk = new TreeSet<>();
        r.fieldNames().forEachRemaining(rk::add);
        Set<String> ak = new TreeSet<>();
        a.fieldNames().forEachRemaining(ak::add);
        if (!rk.equals(ak)) {
            Set<String> missing = new TreeSet<>(rk);
            missing.removeAll(ak);
            Set<String> extra = new TreeSet<>(ak);
            extra.removeAll(rk);
            diffs.add(path + ": keys differ, missing " + missing + ", extra " + extra);
        }
    }

    void compare(String path, String key, JsonNode r, JsonNode a, List<String> diffs) {
        if (a == null || a.isMissingNode()) {
            diffs.add(path + ": missing");
            return;
        }
        if (key != null) {
            if (IGNORED.contains(key) || key.equals("id")) return;
            if (key.startsWith("date_") || key.equals("last_access")) {
                if (r.isNull() != a.isNull()) diffs.add(path + ": null-ness differs, recorded " + r + ", sandbox " + a);
                else if (!r.isNull() && !DATE.matcher(a.asText()).matches()) diffs.add(path + ": not a WP date: " + a);
                return;
            }
            if (ID_REFS.contains(key) && r.isNumber()) {
                if (r.asLong() != 0 && ids.containsKey(r.asLong()) && a.asLong() != map(r.asLong()) || r.asLong() == 0 && a.asLong() != 0) {
                    diffs.add(path + ": id reference " + a + " != mapped " + map(r.asLong()));
                }
                return;
            }
            if (key.equals("variations") && r.isArray()) {
                if (r.size() != a.size()) diffs.add(path + ": size " + a.size() + " != " + r.size());
                else for (int i = 0; i < r.size(); i++) if (a.get(i).asLong() != map(r.get(i).asLong())) diffs.add(path + "[" + i + "]: " + a.get(i) + " != mapped " + map(r.get(i).asLong()));
                return;
            }
            if (key.equals("number")) {
                if (!a.asText().equals(String.valueOf(map(Long.parseLong(r.asText()))))) diffs.add(path + ": " + a + " != mapped " + r);
                return;
            }
            if (key.equals("payment_url")) {
                String exp = rewrite(r.asText()).replaceAll("key=.*$", "");
                if (!a.asText().replaceAll("key=.*$", "").equals(exp)) diffs.add(path + ": " + a + " != " + exp);
                return;
            }
        }
        if (r.isObject()) {
            if (!a.isObject()) {
                diffs.add(path + ": expected object, got " + a.getNodeType());
                return;
            }
            compareKeys(path, r, a, diffs);
            boolean couponInfo = "coupon_info".equals(r.path("key").asText());
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) continue;
                if (couponInfo && (k.equals("value") || k.equals("display_value"))) {
                    String exp = mapCouponInfo(r.get(k).asText());
                    if (!exp.equals(a.get(k).asText())) diffs.add(path + "." + k + ": " + a.get(k) + " != " + exp);
                    continue;
                }
                compare(path + "." + k, k, r.get(k), a.get(k), diffs);
            }
        } else if (r.isArray()) {
            if (!a.isArray() || a.size() != r.size()) {
                diffs.add(path + ": expected array of " + r.size() + ", got " + (a.isArray() ? "array of " + a.size() : a.getNodeType()));
                return;
            }
            for (int i = 0; i < r.size(); i++) compare(path + "[" + i + "]", null, r.get(i), a.get(i), diffs);
        } else if (r.isNumber()) {
            if (!a.isNumber() || r.decimalValue().compareTo(a.decimalValue()) != 0) diffs.add(path + ": " + a + " != " + r);
        } else if (r.isTextual()) {
            String exp = rewrite(r.asText());
            if (!a.isTextual() || !a.asText().equals(exp)) diffs.add(path + ": \"" + a.asText() + "\" != \"" + exp + "\"");
        } else if (!r.equals(a)) {
            diffs.add(path + ": " + a + " != " + r);
        }
    }

    private String mapCouponInfo(String recorded) {
        Matcher m = Pattern.compile("^\\[(\\d+),").matcher(recorded);
        return m.find() ? "[" + map(Long.parseLong(m.group(1))) + "," + recorded.substring(m.end()) : recorded;
    }
}
