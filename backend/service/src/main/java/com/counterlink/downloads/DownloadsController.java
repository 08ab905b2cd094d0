package com.counterlink.downloads;

import com.counterlink.platform.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bridge program retailers install next to Counterpoint. It holds no secret (a bridge is
 * trusted only after enrollment with a one-time token), so it is public.
 */
@Controller("/api/public/downloads")
@Secured(SecurityRule.IS_ANONYMOUS)
public class DownloadsController {

    private static final String BRIDGE_FILE = "counterlink-bridge.jar";

    private final Path bridgeJar;

    public DownloadsController(@Value("${counterlink.downloads.bridge-jar:}") String bridgeJar) {
        this.bridgeJar = bridgeJar == null || bridgeJar.isBlank() ? null : Path.of(bridgeJar);
    }

    @Get("/" + BRIDGE_FILE)
    public HttpResponse<SystemFile> bridge() {
        if (bridgeJar == null || !Files.isRegularFile(bridgeJar)) {
            throw ApiException.notFound("The bridge download is not available on this server; the bridge download");
        }
        return HttpResponse.ok(new SystemFile(bridgeJar.toFile(), MediaType.of("application/java-archive"))
                .attach(BRIDGE_FILE));
    }
}
