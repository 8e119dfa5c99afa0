package id.lapak.billing.sale;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.tenant.money.CurrencyUnits;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a device's payment, the same for the first request and every replay of its idempotency key
 * ({@code replayed} tells them apart). {@code outcome}: {@code APPROVED}, {@code PARTIALLY_APPROVED} (only
 * {@code approvedAmountMinor} was authorized), {@code DECLINED} ({@code declineReason}, {@code responseCode}),
 * {@code TIMED_OUT} (no answer from the acquirer in time: reversed, nothing charged) or {@code FAILED} (the acquirer
 * could not be reached: nothing charged). Amounts are minor units of {@code currency}, with its {@code fractionDigits};
 * {@code capturedMinor − refundedMinor} is what can still be refunded.
 */
public record PaymentResult(
        UUID paymentId,
        String outcome,
        SaleStatus status,
        boolean approved,
        String responseCode,
        String authorizationCode,
        String declineReason,
        String message,
        long amountMinor,
        long approvedAmountMinor,
        long capturedMinor,
        long refundedMinor,
        String currency,
        CardBrand brand,
        String maskedPan,
        boolean offline,
        Instant deviceTime,
        Instant soldAt,
        boolean replayed) {

    /** The minor unit of every amount of this result ({@code CurrencyUnits}: 0 for IDR). */
    @JsonProperty("fractionDigits")
    public int fractionDigits() {
        return CurrencyUnits.fractionDigits(currency);
    }

    public PaymentResult asReplay() {
        return new PaymentResult(
                paymentId,
                outcome,
                status,
                approved,
                responseCode,
                authorizationCode,
                declineReason,
                message,
                amountMinor,
                approvedAmountMinor,
                capturedMinor,
                refundedMinor,
                currency,
                brand,
                maskedPan,
                offline,
                deviceTime,
                soldAt,
                true);
    }
}
