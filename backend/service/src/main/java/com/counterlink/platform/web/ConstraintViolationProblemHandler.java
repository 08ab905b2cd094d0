package com.counterlink.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.List;

/** Bean-validation failures as a 400 problem that names each field the way the client sent it. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationProblemHandler
        implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .toList();
        return Problem.invalid(errors).response();
    }

    /**
     * "create.command.ownership.name" is the method, its parameter, then the client's path: keep the
     * properties ("ownership.name"), the last under its JSON name; a parameter itself (a query value)
     * keeps its name.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getName());
            }
        }
        if (properties.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        int last = properties.size() - 1;
        if (violation.getLeafBean() != null) {
            properties.set(last, JsonNames.of(violation.getLeafBean().getClass(), properties.get(last)));
        }
        return String.join(".", properties);
    }
}
