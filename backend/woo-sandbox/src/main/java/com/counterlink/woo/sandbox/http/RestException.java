package com.counterlink.woo.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A WP_Error on its way to the client: {code, message, data:{status, ...}}. */
public class RestException extends RuntimeException {
    private final int status;
    private final String code;
    private final ObjectNode extraData;

    public RestException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public RestException(int status, String code, String message, ObjectNode extraData) {
        super(message);
        this.status = status;
        this.code = code;
        this.extraData = extraData;
    }

    public int status() { return status; }

    public String code() { return code; }

    public ObjectNode toBody() {
        ObjectNode body = Json.object();
        body.put("code", code);
        body.put("message", getMessage());
        ObjectNode data = body.putObject("data");
        data.put("status", status);
        if (extraData != null) data.setAll(extraData);
        return body;
    }

    public static RestException invalidParam(String param, String detailCode, String message) {
        ObjectNode data = Json.object();
        data.putObject("params").put(param, message);
        ObjectNode detail = data.putObject("details").putObject(param);
        detail.put("code", detailCode);
        detail.put("message", message);
        detail.putNull("data");
        return new RestException(400, "rest_invalid_param", "Invalid parameter(s): " + param, data);
    }
}
