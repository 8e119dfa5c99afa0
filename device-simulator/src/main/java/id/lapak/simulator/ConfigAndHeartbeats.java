package id.lapak.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The two calls that keep a paired device in step with the server: pulling its configuration (cached in the home
 * with its ETag) and reporting its state in a heartbeat.
 */
final class ConfigAndHeartbeats {

    private final DeviceClient client;

    ConfigAndHeartbeats(DeviceClient client) {
        this.client = client;
    }

    /** The configuration with the given {@code If-None-Match}, as {@link DeviceClient#config(String)} says. */
    ConfigResult config(String ifNoneMatch) {
        Map<String, String> headers = ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch);
        RawResponse response = client.send("GET", DeviceClient.CONFIG, null, client.accessToken(), headers);
        if (response.status() == 304) {
            String etag = response.header("ETag") != null ? response.header("ETag") : ifNoneMatch;
            return client.home()
                    .config()
                    .filter(cached -> cached.etag() != null && cached.etag().equals(ifNoneMatch))
                    .map(cached -> new ConfigResult(304, cached.version(), etag, cached.json()))
                    .orElseGet(() -> new ConfigResult(304, -1, etag, null));
        }
        Answers.expectSuccess(response);
        long version = Answers.parse(response).path("version").asLong(-1);
        String etag = response.header("ETag");
        client.home().saveConfig(new CachedConfig(version, etag, response.body()));
        return new ConfigResult(response.status(), version, etag, response.body());
    }

    /** Reports the device's state; a null {@code deviceTime} becomes now. */
    HeartbeatResult heartbeat(Heartbeat heartbeat) {
        Instant deviceTime = heartbeat.deviceTime() != null
                ? heartbeat.deviceTime()
                : client.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        var body = new LinkedHashMap<String, Object>();
        body.put("batteryPercent", heartbeat.batteryPercent());
        body.put("charging", heartbeat.charging());
        body.put("appVersion", heartbeat.appVersion());
        body.put("readerFirmware", heartbeat.readerFirmware());
        body.put(
                "connectivity",
                heartbeat.connectivity() == null
                        ? null
                        : heartbeat.connectivity().name());
        if (heartbeat.signalStrength() != null) {
            body.put("signalStrength", heartbeat.signalStrength());
        }
        body.put("pendingUploads", heartbeat.pendingUploads());
        body.put("pendingOfflinePayments", heartbeat.pendingUploads());
        body.put("deviceTime", deviceTime.toString());
        RawResponse response = Answers.expectSuccess(client.send(
                "POST", DeviceClient.HEARTBEATS, Json.MAPPER.writeValueAsString(body), client.accessToken(), Map.of()));
        JsonNode answer = Answers.parse(response);
        String serverTime = Json.text(answer, "serverTime");
        return new HeartbeatResult(
                response.status(),
                serverTime == null ? null : Instant.parse(serverTime),
                answer.path("configVersion").asLong(-1),
                response.body());
    }
}
