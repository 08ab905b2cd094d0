package com.counterlink;

import com.counterlink.platform.db.MigrateOnly;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "Counterlink API", version = "0.1",
        description = "Counterpoint ⇄ WooCommerce connector: tenants, stores, bridges and sync."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** The JDK's restricted headers the backend must set itself. */
    static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

    public static void main(String[] args) {
        if (MigrateOnly.requested(System.getenv())) {
            System.exit(MigrateOnly.run());
        }
        allowHostHeader();
        Micronaut.run(Application.class, args);
    }

    /**
     * Calls to stores connect to the address the URL policy checked and name the store in the Host
     * header (see WooTransport.jdk); the JDK reads this once, before its HTTP client is first used.
     */
    static void allowHostHeader() {
        String allowed = System.getProperty(RESTRICTED_HEADERS, "");
        if (!java.util.Arrays.asList(allowed.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*")).contains("host")) {
            System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
        }
    }
}
