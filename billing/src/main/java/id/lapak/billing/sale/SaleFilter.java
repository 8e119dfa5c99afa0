package id.lapak.billing.sale;

import id.lapak.billing.gateway.CardBrand;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the sales list and its totals are narrowed to; every field is optional (null or empty: no restriction).
 * {@code from} is inclusive and {@code to} exclusive, on the time of sale.
 */
public record SaleFilter(
        Instant from,
        Instant to,
        UUID storeId,
        UUID deviceId,
        Set<SaleStatus> statuses,
        CardBrand brand,
        Long minAmountMinor,
        Long maxAmountMinor,
        String last4,
        Boolean offline) {

    public SaleFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (last4 != null && !last4.isBlank() && !last4.strip().matches("\\d{4}")) {
            throw new IllegalArgumentException("last4 is four digits");
        }
        last4 = last4 == null || last4.isBlank() ? null : last4.strip();
    }

    public static SaleFilter all() {
        return new SaleFilter(null, null, null, null, Set.of(), null, null, null, null, null);
    }

    /** Offline payments that were not approved on upload: what the merchant must collect again. */
    public static SaleFilter offlineDeclined() {
        return all().withOffline(true)
                .withStatuses(Set.of(
                        SaleStatus.DECLINED, SaleStatus.FAILED, SaleStatus.REVERSED, SaleStatus.REVERSAL_PENDING));
    }

    public SaleFilter withPeriod(Instant from, Instant to) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withStore(UUID storeId) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withDevice(UUID deviceId) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withStatuses(Set<SaleStatus> statuses) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withBrand(CardBrand brand) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withAmount(Long minAmountMinor, Long maxAmountMinor) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withLast4(String last4) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }

    public SaleFilter withOffline(Boolean offline) {
        return new SaleFilter(
                from, to, storeId, deviceId, statuses, brand, minAmountMinor, maxAmountMinor, last4, offline);
    }
}
