package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.EntryMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A payment as a device sends it ({@code POST /api/device/v1/payments}, docs/device-api.md). {@code amountMinor} is
 * the total charged, tip included, in minor units of {@code currency}; {@code fractionDigits}, when sent, must be
 * the currency's ({@code CurrencyUnits}: 0 for IDR). {@code card} is the reader's encrypted card data.
 * {@code cashier}, when the device reports one, is the operator who took the payment on it.
 * {@code toString} shows neither the ciphertext nor anything derived from the card.
 */
public record PaymentRequest(
        String idempotencyKey,
        @JsonDeserialize(using = MinorUnits.class) Long amountMinor,
        String currency,
        @JsonDeserialize(using = MinorUnits.class) Long tipMinor,
        List<Line> lines,
        UUID customerId,
        EntryMode entryMode,
        Instant deviceTime,
        Boolean offline,
        EncryptedCard card,
        Integer fractionDigits,

        @Schema(description = "The operator who took the payment, when the device reports one")
        Cashier cashier) {

    /**
     * A sale line: {@code totalMinor} is what the line adds to the amount (tax included when it is added), after
     * {@code discountMinor}, the discount given on the line (optional; at most {@code quantity × unitPriceMinor}).
     */
    public record Line(
            UUID variantId,
            String description,
            Integer quantity,
            @JsonDeserialize(using = MinorUnits.class) Long unitPriceMinor,
            @JsonDeserialize(using = MinorUnits.class) Long taxMinor,
            @JsonDeserialize(using = MinorUnits.class) Long totalMinor,

            @Schema(
                    description = "Discount on the line, in minor units; totalMinor is after it. At most "
                            + "quantity × unitPriceMinor; with a discount, totalMinor must be that less the "
                            + "discount (+ taxMinor when PPN is added): 400 discount_invalid, "
                            + "422 discount_mismatch")
            @JsonDeserialize(using = MinorUnits.class)
            Long discountMinor) {}

    /** The device's operator: its own code for the cashier (e.g. {@code K-07}) and the name it shows. */
    public record Cashier(
            @Schema(description = "The device's own code for the operator, 1–40 printable characters", example = "K-07")
            String code,

            @Schema(description = "The name the device shows, 1–100 printable characters (optional)", example = "Sari")
            String name) {}

    /**
     * The reader's output: {@code algorithm} {@code AES128} or {@code TDES}, the KSN in hex, IV and ciphertext in
     * base64 (format of {@code id.lapak.cardcrypto.carddata.CardDataCipher}).
     */
    public record EncryptedCard(String algorithm, String ksn, String iv, String ciphertext) {

        @Override
        public String toString() {
            return "EncryptedCard[" + algorithm + ", ksn=" + ksn + "]";
        }
    }

    public PaymentRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "PaymentRequest[key=" + idempotencyKey + ", amountMinor=" + amountMinor + " " + currency + ", lines="
                + lines.size() + ", entryMode=" + entryMode + ", offline=" + offline + ", cashier="
                + (cashier == null ? null : cashier.code()) + ", card=" + card
                + "]";
    }
}
