package com.counterlink.identity;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The person behind a request, as Keycloak's token describes them. {@code emailVerified} is the token's
 * {@code email_verified} claim: true only when Keycloak says the person proved they own {@code email}.
 */
public record CurrentUser(String subject, String email, String name, List<String> roles, boolean emailVerified) {

    public static final String VENDOR_SUPPORT = "vendor-support";
    public static final String VENDOR_ADMIN = "vendor-admin";

    /** An actor that is not a signed-in person (WooCommerce, a bridge): no email to verify. */
    public CurrentUser(String subject, String email, String name, List<String> roles) {
        this(subject, email, name, roles, false);
    }

    public static CurrentUser from(Authentication authentication) {
        var attributes = authentication.getAttributes();
        String email = stringAttribute(attributes.get("email"));
        String name = stringAttribute(attributes.get("name"));
        if (name == null) {
            name = stringAttribute(attributes.get("preferred_username"));
        }
        Collection<String> roles = authentication.getRoles();
        boolean emailVerified = "true".equals(stringAttribute(attributes.get("email_verified")));
        return new CurrentUser(authentication.getName(), email, name, List.copyOf(roles), emailVerified);
    }

    public boolean isVendorStaff() {
        return roles.contains(VENDOR_SUPPORT) || roles.contains(VENDOR_ADMIN);
    }

    private static String stringAttribute(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
