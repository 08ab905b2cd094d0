package com.counterlink.stripe.sandbox.gateway;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ErrorType;
import com.counterlink.stripe.sandbox.api.Expander;
import com.counterlink.stripe.sandbox.api.FormParser;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.core.StateLock;
import com.counterlink.stripe.sandbox.event.EventJson;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.http.Json;
import com.counterlink.stripe.sandbox.http.Request;
import com.counterlink.stripe.sandbox.http.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@code /v1} pipeline: authentication, API version, parameters, idempotency, then the route under the state
 * lock (after time-based work has caught up), {@code expand[]}, and Stripe's headers ({@code Request-Id},
 * {@code Stripe-Version}, {@code Idempotency-Key}, {@code Idempotent-Replayed}).
 */
public final class ApiGateway {
    private static final int MAX_KEY_LENGTH = 255;

    private final ApiRouter router;
    private final Expander expander;
    private final StateLock lock;
    private final Runnable catchUp;
    private final EventLog events;
    private final SandboxClock clock;
    private final Supplier<String> baseUrl;
    private final IdempotencyStore idempotency = new IdempotencyStore();
    private final RequestLog log = new RequestLog();

    public ApiGateway(ApiRouter router, Expander expander, StateLock lock, Runnable catchUp, EventLog events, SandboxClock clock,
                      Supplier<String> baseUrl) {
        this.router = router;
        this.expander = expander;
        this.lock = lock;
        this.catchUp = catchUp;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public RequestLog log() { return log; }

    public Response handle(Request req) {
        String requestId = "req_" + Ids.random(14);
        String key = req.method().equals("POST") ? req.header("Idempotency-Key") : null;
        Response response;
        try {
            response = authorizedCall(req, requestId, key);
        } catch (ApiError e) {
            response = error(e, requestId);
            log.add(new RequestLog.Entry(requestId, req.method(), req.path(), e.status(), key, false, e.getMessage(), req.bodyText()));
        }
        response.header("Request-Id", requestId);
        response.header("Stripe-Version", EventJson.API_VERSION);
        if (key != null) response.header("Idempotency-Key", key);
        if (response.status() == 401) response.header("WWW-Authenticate", "Basic realm=\"Stripe\"");
        return response;
    }

    private Response authorizedCall(Request req, String requestId, String key) {
        String apiKey = ApiKeys.authenticate(req);
        String version = req.header("Stripe-Version");
        if (version != null && !version.equals(EventJson.API_VERSION)) {
            throw ApiError.invalidRequest("This Stripe sandbox only speaks API version " + EventJson.API_VERSION + "; the request asked for "
                    + version + ". Use stripe-java 33.2.0 or send Stripe-Version: " + EventJson.API_VERSION + ".");
        }
        if (req.header("Stripe-Account") != null) throw ApiError.invalidRequest("The Stripe sandbox has no connected accounts (Stripe-Account).");
        ApiRouter.Match match = router.match(req.method(), req.path()).orElseThrow(() -> new ApiError(404, ErrorType.INVALID_REQUEST_ERROR, null, null,
                "Unrecognized request URL (" + req.method() + ": " + req.path() + "). Please see https://stripe.com/docs or we can help at "
                        + "https://support.stripe.com/."));
        ObjectNode raw = parameters(req);
        if (key == null) return run(req, match, raw, requestId, null);
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiError.invalid(null, "Invalid Idempotency-Key: it must be at most " + MAX_KEY_LENGTH + " characters long.");
        }
        String fingerprint = req.method() + " " + req.path() + " " + canonical(raw);
        IdempotencyStore.Decision decision = idempotency.begin(apiKey, key, fingerprint, clock.wallSeconds());
        return switch (decision) {
            case IdempotencyStore.Replay replay -> {
                log.add(new RequestLog.Entry(requestId, req.method(), req.path(), replay.saved().status(), key, true, null, req.bodyText()));
                yield new Response(replay.saved().status(), Response.JSON_TYPE, replay.saved().body())
                        .header("Idempotent-Replayed", "true")
                        .header("Original-Request", replay.saved().requestId());
            }
            case IdempotencyStore.Mismatch m -> throw new ApiError(400, ErrorType.IDEMPOTENCY_ERROR, null, null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other "
                            + "than '" + key + "' if you meant to execute a different request.");
            case IdempotencyStore.InFlight f -> throw new ApiError(409, ErrorType.IDEMPOTENCY_ERROR, "idempotency_key_in_use", null,
                    "There is currently another in-progress request using this Stripe idempotency key (that probably means you submitted "
                            + "twice, and the other request is still going through): " + key + ". Please try again later.");
            case IdempotencyStore.Proceed p -> {
                Response response;
                boolean save = true;
                try {
                    response = run(req, match, raw, requestId, key);
                } catch (ApiError e) {
                    save = e.savedForIdempotency();
                    response = error(e, requestId);
                    log.add(new RequestLog.Entry(requestId, req.method(), req.path(), e.status(), key, false, e.getMessage(), req.bodyText()));
                } catch (RuntimeException e) {
                    idempotency.finish(apiKey, key, fingerprint, 0, null, null, 0, false);
                    throw e;
                }
                idempotency.finish(apiKey, key, fingerprint, response.status(), response.body(), requestId, clock.wallSeconds(), save);
                yield response;
            }
        };
    }

    private Response run(Request req, ApiRouter.Match match, ObjectNode raw, String requestId, String key) {
        Params params = Params.of(raw);
        ObjectNode body;
        try {
            body = lock.call(() -> {
                catchUp.run();
                events.cause(requestId, key);
                try {
                    ObjectNode result = match.handler().handle(new ApiCall(req, params, requestId, key, match.vars()));
                    expander.expand(result, params.strings("expand"));
                    return result;
                } finally {
                    events.cause(null, null);
                }
            });
        } catch (ApiError e) {
            throw e;
        } catch (RuntimeException e) {
            System.err.println("Stripe sandbox: " + req.method() + " " + req.path() + " failed: " + e);
            e.printStackTrace();
            throw new ApiError(500, ErrorType.API_ERROR, null, null, "An unknown error occurred in the Stripe sandbox: " + e);
        }
        log.add(new RequestLog.Entry(requestId, req.method(), req.path(), 200, key, false, null, req.bodyText()));
        return Response.json(200, body);
    }

    private static ObjectNode parameters(Request req) {
        if (!req.method().equals("POST")) return FormParser.parse(req.rawQuery());
        if (req.body().length > 0 && !req.isFormBody()) {
            throw ApiError.invalidRequest("Invalid request: unsupported Content-Type " + req.header("Content-Type")
                    + ". If error persists and you need assistance, please contact support@stripe.com.");
        }
        ObjectNode params = FormParser.parse(req.bodyText());
        if (!req.rawQuery().isEmpty()) params.setAll(FormParser.parse(req.rawQuery()));
        return params;
    }

    private Response error(ApiError e, String requestId) {
        return Response.json(e.status(), e.toBody(baseUrl.get() + "/__sandbox/logs/" + requestId));
    }

    /** Parameters with keys sorted, so the same parameters in another order are still the same request. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            return sorted.toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            node.forEach(n -> b.append(canonical(n)).append(','));
            return b.append(']').toString();
        }
        return new String(Json.bytes(node), StandardCharsets.UTF_8);
    }
}
