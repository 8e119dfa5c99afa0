package id.lapak.device.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceStatus;
import id.lapak.tenant.store.StoreDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The payment terms a device is held to are its effective settings and its store, typed. */
class PaymentTermsTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final UUID TENANT = UUID.randomUUID();
    static final DeviceDetails DEVICE = device("Kasir 1");
    static final StoreDetails STORE = store("IDR");

    @Test
    void withNoLayerTheTermsAreThePlatformDefaults() {
        PaymentTerms terms = PaymentTerms.of(DEVICE, STORE, effective(Map.of()));

        assertThat(terms)
                .isEqualTo(new PaymentTerms(DEVICE.id(), TENANT, "Kasir 1", STORE.id(), "IDR", 1_000_000L, 50L, 24L));
    }

    @Test
    void theNarrowestLayerDecidesTheOfflineLimits() {
        PaymentTerms terms = PaymentTerms.of(
                DEVICE,
                STORE,
                effective(Map.of(
                        "offline.maxAmount", NODES.numberNode(250_000L),
                        "offline.maxCount", NODES.numberNode(10),
                        "offline.maxAgeHours", NODES.numberNode(72))));

        assertThat(terms.offlineMaxAmount()).isEqualTo(250_000L);
        assertThat(terms.offlineMaxCount()).isEqualTo(10L);
        assertThat(terms.offlineMaxAgeHours()).isEqualTo(72L);
    }

    @Test
    void aZeroAmountDisablesOfflinePaymentsAndLeavesTheOtherLimits() {
        PaymentTerms terms =
                PaymentTerms.of(DEVICE, STORE, effective(Map.of("offline.maxAmount", NODES.numberNode(0))));

        assertThat(terms.offlineMaxAmount()).isZero();
        assertThat(terms.offlineMaxCount()).isEqualTo(50L);
        assertThat(terms.offlineMaxAgeHours()).isEqualTo(24L);
    }

    @Test
    void theCurrencyIsTheStoresAndAnUnnamedDeviceHasAnEmptyName() {
        PaymentTerms terms = PaymentTerms.of(device(null), store("USD"), effective(Map.of()));

        assertThat(terms.currency()).isEqualTo("USD");
        assertThat(terms.deviceName()).isEmpty();
    }

    @Test
    void withoutOfflineSettingsNothingIsTakenOffline() {
        PaymentTerms terms = PaymentTerms.of(DEVICE, STORE, List.of());

        assertThat(terms.offlineMaxAmount()).isZero();
        assertThat(terms.offlineMaxCount()).isZero();
        assertThat(terms.offlineMaxAgeHours()).isEqualTo(24L);
    }

    /** Every setting's value: the platform default unless {@code layer} sets it. */
    static List<EffectiveValue> effective(Map<String, JsonNode> layer) {
        return ConfigSettings.ALL.values().stream()
                .map(s -> layer.containsKey(s.key())
                        ? new EffectiveValue(s.key(), layer.get(s.key()), ConfigScope.DEVICE)
                        : new EffectiveValue(s.key(), s.platformDefault(), ConfigScope.PLATFORM))
                .toList();
    }

    static DeviceDetails device(String name) {
        return new DeviceDetails(
                UUID.randomUUID(),
                TENANT,
                UUID.randomUUID(),
                name,
                DeviceStatus.ACTIVE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1);
    }

    static StoreDetails store(String currency) {
        return new StoreDetails(
                UUID.randomUUID(),
                "Toko Pusat",
                "Jl. Merdeka 1",
                "Jakarta",
                ZoneId.of("Asia/Jakarta"),
                Currency.getInstance(currency),
                false,
                BigDecimal.ZERO,
                true,
                true,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
