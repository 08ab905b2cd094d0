package com.counterlink.identity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** What the portal needs before anyone signs in: where Keycloak is and which client it is. */
@Controller("/api/public/config")
@Secured(SecurityRule.IS_ANONYMOUS)
public class PublicConfigController {

    private final OidcSettings oidc;

    public PublicConfigController(OidcSettings oidc) {
        this.oidc = oidc;
    }

    @Get
    public PortalConfig config() {
        return new PortalConfig(oidc.issuer(), oidc.portalClientId(), oidc.audience());
    }

    @Serdeable
    public record PortalConfig(String issuer, String clientId, String audience) {
    }
}
