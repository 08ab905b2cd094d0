package com.counterlink.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where the portal signs people in, and what the backend expects in their tokens. */
@ConfigurationProperties("counterlink.oidc")
public record OidcSettings(String issuer, String audience, String portalClientId) {
}
