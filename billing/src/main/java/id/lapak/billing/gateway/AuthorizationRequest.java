package id.lapak.billing.gateway;

import id.lapak.cardcrypto.carddata.CardData;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization as sent to the acquirer. {@code card} holds clear card data only for the duration of the call;
 * the caller destroys it afterwards. {@code toString} never shows it.
 */
public record AuthorizationRequest(
        String requestId,
        String merchantId,
        String terminalId,
        CardData card,
        CardBrand brand,
        EntryMode entryMode,
        long amountMinor,
        String currency,
        boolean offline,
        Instant deviceTime) {

    public AuthorizationRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(card, "card");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[requestId=" + requestId + ", merchantId=" + merchantId + ", terminalId="
                + terminalId + ", card=" + card + ", brand=" + brand + ", entryMode=" + entryMode + ", amountMinor="
                + amountMinor + ", currency=" + currency + ", offline=" + offline + "]";
    }
}
