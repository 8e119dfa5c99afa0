package id.lapak.billing.sale;

import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A sale as lists show it. {@code soldAt} is the device's time for an offline payment and the arrival time
 * otherwise; {@code maskedPan} shows at most the first six and last four digits.
 */
public record SaleSummary(
        UUID id,
        UUID storeId,
        UUID deviceId,
        SaleStatus status,
        String currency,
        long amountMinor,
        long tipMinor,
        long authorizedMinor,
        long capturedMinor,
        long refundedMinor,
        CardBrand brand,
        String maskedPan,
        EntryMode entryMode,
        boolean offline,
        Instant soldAt,
        Instant receivedAt,
        String responseCode,
        String authorizationCode,
        String declineReason) {

    /** An offline payment the acquirer (or Lapak) declined on upload: the merchant has to collect it again. */
    public boolean offlineDeclined() {
        return offline
                && (status == SaleStatus.DECLINED
                        || status == SaleStatus.FAILED
                        || status == SaleStatus.REVERSED
                        || status == SaleStatus.REVERSAL_PENDING);
    }

    /** What can still be refunded. */
    public long refundableMinor() {
        return capturedMinor - refundedMinor;
    }
}
