package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WordPress's schema check of an order request (rest_validate_value_from_schema) for the item lists: each must be a
 * list of objects, and a line's ids and quantity integers. Every wrong parameter is named in one 400, before anything
 * is saved.
 */
final class OrderRequestShape {
    private static final List<String> ITEM_LISTS = List.of("line_items", "shipping_lines", "fee_lines", "coupon_lines", "meta_data");
    private static final List<String> LINE_INTEGERS = List.of("id", "product_id", "variation_id", "quantity");

    private OrderRequestShape() {}

    static void check(JsonNode body) {
        Map<String, String[]> invalid = new LinkedHashMap<>();
        for (String list : ITEM_LISTS) {
            String[] problem = listProblem(list, body.get(list));
            if (problem != null) invalid.put(list, problem);
        }
        if (invalid.isEmpty()) return;
        ObjectNode data = Json.object();
        ObjectNode params = data.putObject("params");
        ObjectNode details = data.putObject("details");
        invalid.forEach((param, problem) -> {
            params.put(param, problem[1]);
            ObjectNode detail = details.putObject(param);
            detail.put("code", "rest_invalid_type");
            detail.put("message", problem[1]);
            detail.putObject("data").put("param", problem[0]);
        });
        throw new RestException(400, "rest_invalid_param", "Invalid parameter(s): " + String.join(", ", invalid.keySet()), data);
    }

    /** {where, message} of the first problem in one list parameter, or null. A scalar counts as a one-item list (wp_parse_list). */
    private static String[] listProblem(String name, JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (value.isObject()) return value.isEmpty() ? null : new String[]{name, name + " is not of type array."};
        if (value.isValueNode()) {
            return value.isTextual() && value.asText().isBlank() ? null : new String[]{name + "[0]", name + "[0] is not of type object."};
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String where = name + "[" + i + "]";
            if (!item.isContainerNode() && !(item.isTextual() && item.asText().isEmpty())) return new String[]{where, where + " is not of type object."};
            if (!"line_items".equals(name) || !item.isObject()) continue;
            for (String field : LINE_INTEGERS) {
                if (item.has(field) && !isInteger(item.get(field))) {
                    String at = where + "[" + field + "]";
                    return new String[]{at, at + " is not of type integer."};
                }
            }
        }
        return null;
    }

    /** rest_is_integer(): a whole number, also written as a numeric string. */
    private static boolean isInteger(JsonNode v) {
        if (v.isIntegralNumber()) return true;
        String text = v.isNumber() || v.isTextual() ? v.asText().trim() : null;
        if (text == null || text.isEmpty()) return false;
        try {
            return new BigDecimal(text).stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
