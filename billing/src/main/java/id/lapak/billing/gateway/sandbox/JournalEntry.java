package id.lapak.billing.gateway.sandbox;

import java.time.Instant;

/**
 * One line of the sandbox acquirer's settlement file: every operation it acted on, approved or declined. The card
 * appears only as its BIN (first six digits) and last four and, for finding the account again after a restart, the
 * HMAC of the PAN under the sandbox's own key.
 */
public record JournalEntry(
        long id,
        Instant occurredAt,
        Operation operation,
        String requestId,
        String reference,
        String authorizationReference,
        String issuer,
        String accountKey,
        String cardBin,
        String cardLast4,
        String merchantId,
        String terminalId,
        String brand,
        String entryMode,
        long amountMinor,
        long approvedMinor,
        String currency,
        boolean success,
        String responseCode,
        String authorizationCode,
        String message,
        boolean offline) {

    /**
     * What the acquirer did. CHARGEBACK takes captured money back from the merchant for the cardholder (a dispute);
     * CHARGEBACK_REVERSAL gives it back (the merchant won the dispute).
     */
    public enum Operation {
        AUTHORIZE,
        CAPTURE,
        VOID,
        REFUND,
        REVERSAL,
        CHARGEBACK,
        CHARGEBACK_REVERSAL
    }

    /** The card as {@code 411111******1111}-style text with the right length unknown: BIN, stars, last four. */
    public String maskedCard() {
        if (cardBin == null || cardLast4 == null) {
            return "";
        }
        return cardBin + "******" + cardLast4;
    }

    JournalEntry withId(long newId) {
        return new JournalEntry(
                newId,
                occurredAt,
                operation,
                requestId,
                reference,
                authorizationReference,
                issuer,
                accountKey,
                cardBin,
                cardLast4,
                merchantId,
                terminalId,
                brand,
                entryMode,
                amountMinor,
                approvedMinor,
                currency,
                success,
                responseCode,
                authorizationCode,
                message,
                offline);
    }
}
