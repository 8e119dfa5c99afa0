package id.lapak.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The catalog feed as a device reads it ({@code GET /api/device/v1/catalog}, docs/device-api.md). */
public final class CatalogClient {

    private final DeviceClient client;

    CatalogClient(DeviceClient client) {
        this.client = client;
    }

    /** One page of catalog changes after {@code since} (a version or the previous page's {@code next}). */
    public JsonNode page(String since, Integer limit) {
        String query = "?since=" + URLEncoder.encode(since == null ? "0" : since, StandardCharsets.UTF_8)
                + (limit == null ? "" : "&limit=" + limit);
        return Answers.parse(Answers.expectSuccess(
                client.send("GET", DeviceClient.CATALOG + query, null, client.accessToken(), Map.of())));
    }

    /** An item's image as the server sent it: 200 with bytes, or 304 when {@code If-None-Match} still holds. */
    public record ItemImage(int status, String contentType, String etag, byte[] data) {}

    /**
     * Downloads an item's image (the feed's {@code hasImage}), conditional on {@code ifNoneMatch} (null: always).
     * A missing image or item is an {@link ApiException} with status 404.
     */
    public ItemImage image(UUID itemId, String ifNoneMatch) {
        var request = HttpRequest.newBuilder(
                        URI.create(client.server() + DeviceClient.CATALOG + "/items/" + itemId + "/image"))
                .timeout(DeviceClient.REQUEST_TIMEOUT)
                .header("Accept", "image/png, image/jpeg, image/webp, application/problem+json")
                .header("User-Agent", "lapak-device-simulator")
                .header("Authorization", "Bearer " + client.accessToken())
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            HttpResponse<byte[]> response =
                    client.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (response.statusCode() == 200 || response.statusCode() == 304) {
                return new ItemImage(response.statusCode(), type, etag, response.body());
            }
            throw Answers.problem(new RawResponse(
                    response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new DeviceNetworkException(
                    "GET " + client.server() + DeviceClient.CATALOG + "/items/" + itemId + "/image failed: "
                            + Answers.describe(e),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceNetworkException("GET image interrupted", e);
        }
    }

    /**
     * Syncs the catalog from {@code since}, page after page until the server has no more, handing every change to
     * {@code onChange} in order.
     */
    public CatalogSync sync(String since, Integer limit, Consumer<JsonNode> onChange) {
        long started = System.nanoTime();
        String cursor = since == null ? "0" : since;
        int pages = 0;
        long count = 0;
        long deletions = 0;
        var byType = new TreeMap<String, Long>();
        while (true) {
            JsonNode page = page(cursor, limit);
            pages++;
            for (JsonNode change : page.path("changes")) {
                count++;
                byType.merge(Json.text(change, "type"), 1L, Long::sum);
                if (change.path("deleted").asBoolean(false)) {
                    deletions++;
                }
                onChange.accept(change);
            }
            cursor = Json.text(page, "next");
            if (!page.path("more").asBoolean(false)) {
                break;
            }
        }
        return new CatalogSync(cursor, pages, count, byType, deletions, (System.nanoTime() - started) / 1_000_000);
    }
}
