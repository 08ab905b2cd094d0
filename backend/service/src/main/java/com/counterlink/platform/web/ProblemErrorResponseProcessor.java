package com.counterlink.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error the framework raises (validation, unreadable JSON, unknown route, auth) into
 * problem+json, naming the offending field where there is one.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.code();
        List<Problem.FieldError> fieldErrors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(fieldName(e.getPath().get()), e.getMessage()))
                .toList();
        ErrorCode code = !fieldErrors.isEmpty() ? ErrorCode.VALIDATION_FAILED : ErrorCode.forStatus(status);
        String detail = status >= 500
                ? "An unexpected error occurred; it has been logged."
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(code.title());
        Problem problem = new Problem(code.type(), code.title(), status, detail, code.name(), fieldErrors);
        return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    /** "create.command.name" names the parameter path; the client only knows the last part. */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
