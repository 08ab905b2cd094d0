package com.counterlink.identity;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The person behind a request, as Keycloak's token describes them. */
public record CurrentUser(String subject, String email, String name, List<String> roles) {

    public static final String VENDOR_SUPPORT = "vendor-support";
    public static final String VENDOR_ADMIN = "vendor-admin";

    public static CurrentUser from(Authentication authentication) {
        var attributes = authentication.getAttributes();
        String email = stringAttribute(attributes.get("email"));
        String name = stringAttribute(attributes.get("name"));
        if (name == null) {
            name = stringAttribute(attributes.get("preferred_username"));
        }
        Collection<String> roles = authentication.getRoles();
        return new CurrentUser(authentication.getName(), email, name, List.copyOf(roles));
    }

    public boolean isVendorStaff() {
        return roles.contains(VENDOR_SUPPORT) || roles.contains(VENDOR_ADMIN);
    }

    private static String stringAttribute(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
