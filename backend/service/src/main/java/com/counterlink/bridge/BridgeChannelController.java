package com.counterlink.bridge;

import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentRequest;
import com.counterlink.bridge.protocol.WireMessages.Heartbeat;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The bridge's side of the channel. Anonymous to Micronaut's security: every request except
 * enrollment is authenticated by its Ed25519 signature instead.
 */
@Hidden
@Controller("/api/bridge")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BridgeChannelController {

    private final BridgeAuthenticator authenticator;
    private final BridgeRegistry registry;
    private final BridgeTaskQueue queue;
    private final BridgeSettings settings;

    BridgeChannelController(BridgeAuthenticator authenticator, BridgeRegistry registry, BridgeTaskQueue queue,
                            BridgeSettings settings) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.queue = queue;
        this.settings = settings;
    }

    @Post(value = "/enroll", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> enroll(@Nullable @Body String body) {
        EnrollmentRequest request = read(body, EnrollmentRequest.class);
        return json(registry.enroll(request));
    }

    @Post(value = "/heartbeat", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> heartbeat(HttpRequest<?> request, @Nullable @Body String body) {
        AuthenticatedBridge bridge = authenticator.authenticate(request, bytes(body));
        registry.heartbeat(bridge, read(body, Heartbeat.class));
        return json(Map.of("serverTime", Instant.now().toString()));
    }

    /** {@code session}: a random id per bridge process; a new one takes over the bridge's leases and polls. */
    @Get("/tasks/next{?waitSeconds,session}")
    public HttpResponse<String> next(HttpRequest<?> request, @Nullable @QueryValue Integer waitSeconds,
                                     @Nullable @QueryValue UUID session) {
        long max = settings.getLongPoll().toSeconds();
        Duration wait = Duration.ofSeconds(waitSeconds == null ? max : Math.max(0, Math.min(waitSeconds, max)));
        BridgeTaskQueue.Poll poll = authenticator.authenticate(request, new byte[0], bridge -> queue.open(bridge, session));
        return queue.nextTask(poll, wait).<HttpResponse<String>>map(this::json).orElseGet(HttpResponse::noContent);
    }

    @Post(value = "/tasks/{taskId}/result", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> result(HttpRequest<?> request, @PathVariable UUID taskId, @Nullable @Body String body) {
        BridgeTaskQueue.Completion completion = authenticator.authenticate(request, bytes(body),
                bridge -> queue.complete(bridge, taskId, readResult(body)));
        queue.announce(completion);
        return json(completion.ack());
    }

    private static TaskResult readResult(String body) {
        try {
            return ProtocolJson.read(body == null ? "" : body, TaskResult.class);
        } catch (InvalidParameterException e) {
            throw new ApiException(ErrorCode.RESULT_INVALID, "The result could not be read: " + e.getMessage());
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return ProtocolJson.read(body == null ? "" : body, type);
        } catch (InvalidParameterException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The request could not be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(String body) {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> json(Object value) {
        return HttpResponse.ok(ProtocolJson.write(value)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
