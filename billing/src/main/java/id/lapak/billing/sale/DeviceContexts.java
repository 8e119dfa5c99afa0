package id.lapak.billing.sale;

import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.PaymentTerms;
import id.lapak.tenant.context.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a payment needs to know about the paying device: its store, the store's currency, its name and its offline
 * limits, as the registry's {@link PaymentTerms} of the device's effective configuration (held in memory by the
 * registry with the rendered document).
 */
@Component
public class DeviceContexts {

    public record DeviceContext(
            UUID deviceId,
            UUID tenantId,
            String name,
            UUID storeId,
            String currency,
            long offlineMaxAmount,
            long offlineMaxCount,
            long offlineMaxAgeHours) {

        static DeviceContext of(PaymentTerms terms) {
            return new DeviceContext(
                    terms.deviceId(),
                    terms.tenantId(),
                    terms.deviceName(),
                    terms.storeId(),
                    terms.currency(),
                    terms.offlineMaxAmount(),
                    terms.offlineMaxCount(),
                    terms.offlineMaxAgeHours());
        }
    }

    private final DeviceConfigService config;

    DeviceContexts(DeviceConfigService config) {
        this.config = config;
    }

    /** The authenticated device's context (device API requests only). */
    public DeviceContext of(UUID deviceId) {
        // The registry's in-memory copy first (no transaction, no database); it is dropped on every change.
        PaymentTerms terms = config.cached(deviceId, TenantContext.requireTenant())
                .orElseGet(() -> config.forDevice(deviceId))
                .paymentTerms();
        return DeviceContext.of(terms);
    }
}
