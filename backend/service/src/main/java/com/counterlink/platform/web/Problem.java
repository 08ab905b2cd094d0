package com.counterlink.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 9457 problem details, with our error code and the fields a person has to fix. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field to fix: {@code field} names it the way the client sent it ("name", "ownership.name",
     * "payCodes.cash", "locations[2]", "body" for the request body as a whole).
     */
    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem(code.type(), code.title(), code.status().getCode(), detail, code.name(), errors);
    }

    /** A 400 naming every field to fix, in field order; the detail lists them too. */
    public static Problem invalid(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = sorted.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return of(ErrorCode.VALIDATION_FAILED, detail, sorted);
    }

    /** The one way every handler and filter answers with a problem. */
    public MutableHttpResponse<Problem> response() {
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(MediaType.of(MEDIA_TYPE))
                .body(this);
    }
}
