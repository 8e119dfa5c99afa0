package id.lapak.catalog.feed;

import id.lapak.device.auth.DevicePrincipal;
import id.lapak.device.auth.DeviceStateCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/device/v1/catalog?since=VERSION}: the catalog changes of the device's store since a version, in
 * pages. The device starts with {@code since=0}, passes each page's {@code next} back as {@code since} while
 * {@code more} is true, and keeps the last {@code next} (a plain version) for the next sync; the configuration
 * document's {@code catalog.version} tells it when there is something new.
 */
@RestController
@RequestMapping(path = "/api/device/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Device API")
class CatalogFeedController {

    private final CatalogFeed feed;
    private final DeviceStateCache states;
    private final JsonMapper json;

    CatalogFeedController(CatalogFeed feed, DeviceStateCache states, JsonMapper json) {
        this.feed = feed;
        this.states = states;
        this.json = json;
    }

    @GetMapping("/catalog")
    @Operation(
            summary = "Catalog changes (items, variants, prices, store availability, deletions) since a version",
            security = @SecurityRequirement(name = "device-token"))
    void catalog(
            @AuthenticationPrincipal DevicePrincipal device,
            @Parameter(description = "0, a version, or the next token of the previous page")
                    @RequestParam(name = "since", required = false, defaultValue = "0")
                    String since,
            @RequestParam(name = "limit", required = false) Integer limit,
            HttpServletResponse response)
            throws IOException {
        UUID storeId = states.state(device.deviceId())
                .orElseThrow(() -> new InvalidFeedRequestException("unknown device"))
                .storeId();
        CatalogFeed.Page page = feed.read(storeId, since, limit);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream();
                JsonGenerator g = json.createGenerator(out)) {
            write(g, page);
        }
    }

    @GetMapping(
            path = "/catalog/items/{itemId}/image",
            produces = {"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(
            summary = "An item's image (items whose hasImage is true); conditional on If-None-Match",
            security = @SecurityRequirement(name = "device-token"))
    ResponseEntity<byte[]> image(
            @PathVariable String itemId, @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        UUID id;
        try {
            id = UUID.fromString(itemId);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedRequestException("the item id is not a UUID");
        }
        CatalogFeed.Image image = feed.image(id).orElseThrow(() -> new ImageNotFound(id));
        String etag = "\"" + Long.toString(image.updatedAt().toEpochMilli(), 36) + "-"
                + Integer.toString(image.data().length, 36) + "\"";
        if (ifNoneMatch != null
                && Arrays.stream(ifNoneMatch.split(","))
                        .map(String::strip)
                        .anyMatch(tag -> tag.equals(etag) || tag.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.parseMediaType(image.contentType()))
                .body(image.data());
    }

    /** No image for that item in the device's tenant (never says whether another tenant has one). */
    static final class ImageNotFound extends RuntimeException {
        ImageNotFound(UUID itemId) {
            super("No image for item " + itemId);
        }
    }

    static void write(JsonGenerator g, CatalogFeed.Page page) {
        g.writeStartObject();
        g.writeNumberProperty("catalogVersion", page.catalogVersion());
        g.writeStringProperty("currency", page.currency().getCurrencyCode());
        g.writeNumberProperty("fractionDigits", CatalogFeed.fractionDigits(page.currency()));
        g.writeBooleanProperty("more", page.more());
        g.writeStringProperty("next", page.next());
        g.writeName("changes");
        g.writeStartArray();
        for (CatalogFeed.Change change : page.changes()) {
            g.writeStartObject();
            g.writeStringProperty("type", change.kind().wireName);
            g.writeStringProperty("id", change.id().toString());
            g.writeNumberProperty("version", change.version());
            if (change.deleted()) {
                g.writeBooleanProperty("deleted", true);
            } else {
                String[] names = change.names();
                Object[] values = change.values();
                for (int i = 0; i < names.length; i++) {
                    Object value = values[i];
                    if (value == null) {
                        g.writeNullProperty(names[i]);
                    } else if (value instanceof Long l) {
                        g.writeNumberProperty(names[i], l);
                    } else if (value instanceof Integer n) {
                        g.writeNumberProperty(names[i], n);
                    } else if (value instanceof Boolean b) {
                        g.writeBooleanProperty(names[i], b);
                    } else if (value instanceof BigDecimal d) {
                        g.writeStringProperty(names[i], d.toPlainString());
                    } else {
                        g.writeStringProperty(names[i], value.toString());
                    }
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The feed's own errors as problem details, like the rest of the device API. */
    @RestControllerAdvice(assignableTypes = CatalogFeedController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems {

        @ExceptionHandler(InvalidFeedRequestException.class)
        ResponseEntity<ProblemDetail> invalid(InvalidFeedRequestException e) {
            return ResponseEntity.badRequest()
                    .body(problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), "catalog_request_invalid"));
        }

        @ExceptionHandler(ImageNotFound.class)
        ResponseEntity<ProblemDetail> noImage(ImageNotFound e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.NOT_FOUND, "No image", e.getMessage(), "image_not_found"));
        }

        @ExceptionHandler(FeedAheadException.class)
        ResponseEntity<ProblemDetail> ahead(FeedAheadException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problem(HttpStatus.CONFLICT, "Sync from 0", e.getMessage(), "catalog_version_ahead"));
        }

        private static ProblemDetail problem(HttpStatus status, String title, String detail, String reason) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setType(URI.create("https://lapak.id/problems/" + reason.replace('_', '-')));
            problem.setProperty("reason", reason);
            return problem;
        }
    }
}
