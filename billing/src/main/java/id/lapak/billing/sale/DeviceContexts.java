package id.lapak.billing.sale;

import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.RenderedConfig;
import id.lapak.tenant.context.TenantContext;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a payment needs to know about the paying device: its store, the store's currency, its name and its offline
 * limits. Read from the device's effective configuration (held in memory by the registry) and parsed once per
 * configuration version.
 */
@Component
class DeviceContexts {

    record DeviceContext(
            UUID deviceId,
            UUID tenantId,
            String name,
            UUID storeId,
            String currency,
            long offlineMaxAmount,
            long offlineMaxCount,
            long offlineMaxAgeHours) {}

    private record Cached(String etag, DeviceContext context) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeviceConfigService config;
    private final ConcurrentHashMap<UUID, Cached> parsed = new ConcurrentHashMap<>();

    DeviceContexts(DeviceConfigService config) {
        this.config = config;
    }

    /** The authenticated device's context (device API requests only). */
    DeviceContext of(UUID deviceId) {
        // The registry's in-memory copy first (no transaction, no database); it is dropped on every change.
        RenderedConfig rendered =
                config.cached(deviceId, TenantContext.requireTenant()).orElseGet(() -> config.forDevice(deviceId));
        Cached cached = parsed.get(deviceId);
        if (cached != null
                && cached.etag().equals(rendered.etag())
                && cached.context().tenantId().equals(rendered.tenantId())) {
            return cached.context();
        }
        JsonNode doc = JSON.readTree(rendered.body());
        JsonNode store = doc.path("store");
        JsonNode offline = doc.path("offline");
        DeviceContext context = new DeviceContext(
                deviceId,
                rendered.tenantId(),
                doc.path("device").path("name").asString(""),
                UUID.fromString(store.path("id").asString()),
                store.path("currency").asString("IDR"),
                offline.path("maxAmount").asLong(0),
                offline.path("maxCount").asLong(0),
                offline.path("maxAgeHours").asLong(24));
        parsed.put(deviceId, new Cached(rendered.etag(), context));
        return context;
    }
}
