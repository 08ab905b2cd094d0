package com.counterlink.testing;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of black-box backend tests: the real service on a random port, the shared embedded
 * PostgreSQL, and the shared real Keycloak.
 */
public abstract class BackendTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        SharedKeycloak.ensureRunning();
        Map<String, String> properties = new HashMap<>(SharedPostgres.datasourceProperties());
        properties.put("counterlink.oidc.issuer", SharedKeycloak.ISSUER);
        properties.put("micronaut.security.token.jwt.signatures.jwks.keycloak.url",
                SharedKeycloak.ISSUER + "/protocol/openid-connect/certs");
        properties.put("micronaut.server.port", "-1");
        properties.put("jobrunr.background-job-server.worker-count", "2");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }
}
