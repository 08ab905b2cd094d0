package com.counterlink.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses hostile input before any controller sees it, so nothing is half-written and no database error
 * becomes a 500: text in the path, the query and a JSON body must be {@link PlainText}, and a JSON body
 * must be valid JSON whose values already have the types of the fields they fill ({@link JsonBodyCheck}).
 * Answers 400 problem+json naming every field. Runs after authentication, so anonymous callers of a
 * protected endpoint still get 401.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestInputFilter implements Ordered {

    /** Bodies that are not ours to judge: WooCommerce's signed deliveries and Counterpoint's data from the bridge. */
    private static final List<String> RAW_BODIES = List.of("/api/public/woo/webhooks/", "/api/bridge/tasks/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        pathAndQuery(request, errors);
        String path = request.getPath();
        if (body != null && body.length > 0 && RAW_BODIES.stream().noneMatch(path::startsWith)) {
            Optional<Argument<?>> bound = RouteAttributes.getRouteInfo(request).flatMap(RouteInfo::getBodyArgument);
            Argument<?> type = bound.filter(RequestInputFilter::structured).orElse(null);
            if (type != null || isJson(request)) {
                JsonNode tree;
                try {
                    tree = JSON.readTree(body);
                } catch (IOException e) {
                    return Problem.of(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON",
                            List.of(new Problem.FieldError("body", "is not valid JSON"))).response();
                }
                errors.addAll(JsonBodyCheck.check(tree, type));
            }
        }
        return errors.isEmpty() ? null : Problem.invalid(errors).response();
    }

    private static void pathAndQuery(HttpRequest<?> request, List<Problem.FieldError> errors) {
        request.getParameters().forEach(parameter -> {
            text(parameter.getKey(), parameter.getKey(), errors);
            parameter.getValue().forEach(value -> text(value, parameter.getKey(), errors));
        });
        Map<String, Object> variables = RouteAttributes.getRouteMatch(request)
                .map(match -> match.getVariableValues()).orElse(Map.of());
        variables.forEach((name, value) -> {
            if (value instanceof CharSequence text) {
                text(text.toString(), name, errors);
            }
        });
        if (variables.isEmpty()) {
            text(decodedPath(request), "path", errors);
        }
    }

    private static String decodedPath(HttpRequest<?> request) {
        try {
            return URI.create(request.getUri().toString()).getPath();
        } catch (IllegalArgumentException e) {
            return request.getPath();
        }
    }

    private static void text(String value, String field, List<Problem.FieldError> errors) {
        String problem = value == null ? null : PlainText.problem(value);
        if (problem != null) {
            errors.add(new Problem.FieldError(field, problem));
        }
    }

    /** A body bound to a record, a map or a list: one whose values have types to check. */
    private static boolean structured(Argument<?> argument) {
        Class<?> type = argument.getType();
        return !CharSequence.class.isAssignableFrom(type) && type != byte[].class && !type.isPrimitive();
    }

    private static boolean isJson(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
