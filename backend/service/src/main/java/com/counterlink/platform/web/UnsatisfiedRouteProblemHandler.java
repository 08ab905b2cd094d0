package com.counterlink.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;

/** A required body, query value or header that is missing: a 400 naming it. */
@Produces
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
public class UnsatisfiedRouteProblemHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        boolean body = exception.getArgument().getAnnotationMetadata().hasAnnotation(Body.class);
        Problem.FieldError missing = body
                ? new Problem.FieldError("body", "is required: send a JSON object")
                : new Problem.FieldError(exception.getArgument().getName(), "is required");
        return Problem.invalid(List.of(missing)).response();
    }
}
