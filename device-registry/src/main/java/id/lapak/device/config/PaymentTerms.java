package id.lapak.device.config;

import id.lapak.device.DeviceDetails;
import id.lapak.tenant.store.StoreDetails;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a payment needs to know about the paying device, as its effective configuration says it: the device's name,
 * its store and the store's currency, and how far it may take payments offline ({@code offlineMaxAmount} in minor
 * units, 0 disables offline payments; at most {@code offlineMaxCount} payments held, none older than
 * {@code offlineMaxAgeHours}). Computed with the rendered document and held with it, so it always says what the
 * device was sent.
 */
public record PaymentTerms(
        UUID deviceId,
        UUID tenantId,
        String deviceName,
        UUID storeId,
        String currency,
        long offlineMaxAmount,
        long offlineMaxCount,
        long offlineMaxAgeHours) {

    /** The terms of {@code device} in {@code store}, its settings being {@code values} (every effective value). */
    static PaymentTerms of(DeviceDetails device, StoreDetails store, List<EffectiveValue> values) {
        return new PaymentTerms(
                device.id(),
                device.tenantId(),
                device.name() == null ? "" : device.name(),
                store.id(),
                store.currency().getCurrencyCode(),
                whole(values, "offline.maxAmount", 0),
                whole(values, "offline.maxCount", 0),
                whole(values, "offline.maxAgeHours", 24));
    }

    /** A whole-number setting; {@code otherwise} when it is absent or not a number. */
    private static long whole(List<EffectiveValue> values, String key, long otherwise) {
        for (EffectiveValue value : values) {
            if (value.key().equals(key)) {
                JsonNode node = value.value();
                return node == null ? otherwise : node.asLong(otherwise);
            }
        }
        return otherwise;
    }
}
