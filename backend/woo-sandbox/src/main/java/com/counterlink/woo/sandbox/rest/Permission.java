package com.counterlink.woo.sandbox.rest;

import com.counterlink.woo.sandbox.http.RestException;

/** What a route needs; decides the error a caller without a valid key gets (wc_rest_check_post_permissions). */
public enum Permission {
    LIST("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
    VIEW("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
    CREATE("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
    EDIT("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
    DELETE("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."),
    BATCH("woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.");

    private final String code;
    private final String message;

    Permission(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** 401 because the caller is not logged in (rest_authorization_required_code). */
    public RestException denied() { return new RestException(401, code, message); }
}
