package com.counterlink.platform.web;

import java.util.List;

/** A domain error the API reports as problem+json with its code. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> fieldErrors;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.code = code;
        this.fieldErrors = fieldErrors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming every field to fix. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        Problem problem = Problem.invalid(errors);
        return new ApiException(ErrorCode.VALIDATION_FAILED, problem.detail(), problem.errors());
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage(), fieldErrors);
    }
}
