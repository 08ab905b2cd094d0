package com.counterlink.platform.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document generated at compile time from the controllers. */
@Hidden
@Controller("/api/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenApiController {

    private static final String DOCUMENT = "classpath:META-INF/swagger/counterlink-api-0.1.yml";

    private final ResourceResolver resources;

    public OpenApiController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    public HttpResponse<String> document() {
        return resources.getResourceAsStream(DOCUMENT)
                .map(OpenApiController::read)
                .map(body -> HttpResponse.ok(body).contentType(MediaType.of("application/yaml")))
                .orElseThrow(() -> ApiException.notFound("OpenAPI document"));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
