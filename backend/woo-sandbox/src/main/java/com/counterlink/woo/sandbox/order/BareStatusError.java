package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.RestException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A WP_Error whose data is the bare status ({@code new WP_Error(code, message, 500)}), as the refunds controller
 * builds them: WordPress answers with that status and the body carries {@code "data": 500}, not {@code {"status": 500}}.
 */
final class BareStatusError extends RestException {
    BareStatusError(int status, String code, String message) {
        super(status, code, message);
    }

    @Override
    public ObjectNode toBody() {
        ObjectNode body = Json.object();
        body.put("code", code());
        body.put("message", getMessage());
        body.put("data", status());
        return body;
    }
}
