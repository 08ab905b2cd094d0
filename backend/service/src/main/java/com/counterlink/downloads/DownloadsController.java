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

    private static final String BRIDGE_JAR = "counterlink-bridge.jar";
    private static final String BRIDGE_WINDOWS_ZIP = "counterlink-bridge-windows.zip";

    private final Path bridgeJar;
    private final Path bridgeWindowsZip;

    public DownloadsController(@Value("${counterlink.downloads.bridge-jar:}") String bridgeJar,
                               @Value("${counterlink.downloads.bridge-windows-zip:}") String bridgeWindowsZip) {
        this.bridgeJar = pathOrNull(bridgeJar);
        this.bridgeWindowsZip = pathOrNull(bridgeWindowsZip);
    }

    @Get("/" + BRIDGE_JAR)
    public HttpResponse<SystemFile> bridge() {
        return serve(bridgeJar, BRIDGE_JAR, "application/java-archive");
    }

    /** The jar with the Windows service wrapper and a README, for Windows servers. */
    @Get("/" + BRIDGE_WINDOWS_ZIP)
    public HttpResponse<SystemFile> bridgeForWindows() {
        return serve(bridgeWindowsZip, BRIDGE_WINDOWS_ZIP, "application/zip");
    }

    private static HttpResponse<SystemFile> serve(Path file, String name, String type) {
        if (file == null || !Files.isRegularFile(file)) {
            throw ApiException.notFound("The download " + name + " is not available on this server; it");
        }
        return HttpResponse.ok(new SystemFile(file.toFile(), MediaType.of(type)).attach(name));
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
