package com.counterlink.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A path, query or body value that cannot become what the endpoint takes ({@code /jobs/NOPE},
 * {@code ?state=x}, a tenant id that is not a UUID): a 400 naming the parameter and what it expects,
 * instead of the framework's message with Java class names in it.
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
public class ConversionErrorProblemHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException exception) {
        return Problem.invalid(List.of(fieldError(exception.getArgument()))).response();
    }

    static Problem.FieldError fieldError(Argument<?> argument) {
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return new Problem.FieldError("body", "does not have the fields and types this endpoint expects");
        }
        return new Problem.FieldError(argument.getName(), ExpectedValue.of(argument.getType()));
    }
}
