package id.lapak.billing.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What the settlement pages show: read models of batches, lines, payouts and the waterfall. */
public final class SettlementViews {

    private SettlementViews() {}

    /**
     * A batch; for a store manager the totals are those of their stores' lines and {@code carriedIn},
     * {@code adjustments}, {@code net}, the payout status and date are null (they belong to the whole tenant).
     */
    public record BatchRow(
            UUID id,
            LocalDate businessDay,
            String currency,
            int lines,
            int late,
            long gross,
            long refunds,
            long fees,
            long ppn,
            Long carriedIn,
            Long adjustments,
            Long net,
            String payoutStatus,
            LocalDate payoutExpectedOn) {}

    public record LineRow(
            UUID operationId,
            UUID saleId,
            String storeName,
            ZoneId storeZone,
            String kind,
            String brand,
            Instant recordedAt,
            Instant soldAt,
            long gross,
            long fee,
            long ppn,
            boolean late) {}

    public record PayoutRow(
            UUID id,
            LocalDate businessDay,
            String currency,
            long amount,
            String status,
            LocalDate expectedOn,
            String bankName,
            String maskedAccount) {}

    /** One step of the waterfall: a named amount; a total is the running result of the steps above it. */
    public record Step(String key, long amountMinor, boolean total) {}

    /** From a store's approved sales of a day to what the bank confirmed, every difference named. */
    public record Waterfall(
            UUID storeId, LocalDate businessDay, String currency, Instant from, Instant to, List<Step> steps) {}
}
