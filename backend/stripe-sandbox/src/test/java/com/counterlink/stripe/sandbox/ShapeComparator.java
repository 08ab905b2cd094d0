package com.counterlink.stripe.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a sandbox object with a Stripe example object by shape, as fixtures/stripe/INDEX.md says to use them: the
 * same keys and, where both have a value, the same JSON types, recursively (lists by their first element); values are
 * filler and are not compared, except {@code object}, which names the type. Every departure has to be declared:
 * <ul>
 *   <li>{@code gone}: keys the fixture keeps that the 2026-07-29.dahlia object no longer has (INDEX: invoice.subscription);</li>
 *   <li>{@code added}: keys of the current type the fixture leaves out (INDEX's list, and fields the reference names);</li>
 *   <li>{@code nullable}: keys the fixture fills but that are null here: nullable in the spec, or a union branch that
 *       {@code parent.type} does not name (INDEX: "filled with every branch at once");</li>
 *   <li>{@code opaque}: keys whose content is not compared (the event's legacy {@code plan} in {@code data.object}).</li>
 * </ul>
 * Paths are dotted, {@code []} for list elements: {@code items.data[].price.transform_quantity}. A {@code metadata} hash
 * holds the caller's own keys: only its type is compared.
 */
final class ShapeComparator {
    record Allowances(Set<String> gone, Set<String> added, Set<String> nullable, Set<String> opaque) {
        static Allowances none() { return new Allowances(Set.of(), Set.of(), Set.of(), Set.of()); }
    }

    private final Allowances allowed;
    private final List<String> diffs = new ArrayList<>();
    private final Set<String> used = new TreeSet<>();

    private ShapeComparator(Allowances allowed) { this.allowed = allowed; }

    static List<String> compare(JsonNode fixture, JsonNode actual, Allowances allowed) {
        ShapeComparator c = new ShapeComparator(allowed);
        c.compare("", fixture, actual);
        // an allowance that matched nothing is stale: the sandbox or the fixture changed, and the list must follow
        for (Set<String> set : List.of(allowed.gone(), allowed.added(), allowed.nullable(), allowed.opaque())) {
            for (String path : set) if (!c.used.contains(path)) c.diffs.add(path + ": declared allowance never used");
        }
        return c.diffs;
    }

    private void compare(String path, JsonNode fixture, JsonNode actual) {
        if (allowed.opaque().contains(path)) {
            used.add(path);
            return;
        }
        if (fixture.isNull()) return; // the fixture cannot show the type of a null
        if (actual.isNull()) {
            if (allowed.nullable().contains(path)) used.add(path);
            else diffs.add(path + ": null here, " + fixture.getNodeType() + " in the fixture");
            return;
        }
        if (fixture.isObject()) {
            if (!actual.isObject()) {
                diffs.add(path + ": " + actual.getNodeType() + " here, object in the fixture");
                return;
            }
            if (path.equals("metadata") || path.endsWith(".metadata")) return;
            for (Iterator<String> it = fixture.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String child = path.isEmpty() ? key : path + "." + key;
                if (!actual.has(key)) {
                    if (allowed.gone().contains(child)) used.add(child);
                    else diffs.add(child + ": missing");
                    continue;
                }
                if (allowed.gone().contains(child)) diffs.add(child + ": present, but declared gone from the current API");
                if (key.equals("object") && fixture.get(key).isTextual() && !fixture.get(key).equals(actual.get(key))) {
                    diffs.add(child + ": object " + actual.get(key) + ", fixture " + fixture.get(key));
                }
                compare(child, fixture.get(key), actual.get(key));
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String child = path.isEmpty() ? key : path + "." + key;
                if (fixture.has(key)) continue;
                if (allowed.added().contains(child)) used.add(child);
                else diffs.add(child + ": not in the fixture");
            }
        } else if (fixture.isArray()) {
            if (!actual.isArray()) diffs.add(path + ": " + actual.getNodeType() + " here, array in the fixture");
            else if (!fixture.isEmpty() && !actual.isEmpty()) compare(path + "[]", fixture.get(0), actual.get(0));
        } else if (fixture.isNumber()) {
            if (!actual.isIntegralNumber()) diffs.add(path + ": " + actual.getNodeType() + " here, integer in the fixture");
        } else if (fixture.getNodeType() != actual.getNodeType()) {
            diffs.add(path + ": " + actual.getNodeType() + " here, " + fixture.getNodeType() + " in the fixture");
        }
    }
}
