package com.counterlink.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Serves the built portal. Paths that are not files (client-side routes such as /t/{id}) get
 * index.html so every page is reachable by URL.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class PortalController {

    /** Server paths, never portal pages: disabled management endpoints answer 404, not the portal. */
    private static final Set<String> SERVER_PATHS = Set.of("api", "health", "info", "beans", "routes", "threaddump",
            "loggers", "env", "refresh", "stop", "metrics", "caches", "flyway", "prometheus");

    private final Path root;

    public PortalController(@Value("${counterlink.portal.dir:}") String portalDir) {
        this.root = portalDir == null || portalDir.isBlank() ? null : Path.of(portalDir).toAbsolutePath().normalize();
    }

    @Get
    public HttpResponse<?> index() {
        return serve("");
    }

    @Get("/{+path}")
    public HttpResponse<?> serve(@PathVariable String path) {
        if (root == null || SERVER_PATHS.contains(path.split("/", 2)[0])) {
            throw ApiException.notFound("Page");
        }
        Path file = resolve(path);
        if (file == null || !file.startsWith(root)) {
            throw ApiException.notFound("Page");
        }
        if (Files.isRegularFile(file)) {
            MediaType type = MediaType.forFilename(file.getFileName().toString());
            String cache = path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            return HttpResponse.ok(new SystemFile(file.toFile(), type)).header("Cache-Control", cache);
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index) || looksLikeAsset(path)) {
            throw ApiException.notFound("Page");
        }
        return HttpResponse.ok(new SystemFile(index.toFile(), MediaType.TEXT_HTML_TYPE)).header("Cache-Control", "no-cache");
    }

    private Path resolve(String path) {
        try {
            return root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean looksLikeAsset(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".");
    }
}
