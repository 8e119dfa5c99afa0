package id.lapak.billing.gateway;

import java.time.Instant;

/**
 * The acquirer tells the merchant's platform that it charged a captured payment back ({@code reversal} false) or
 * gave a chargeback back ({@code reversal} true). {@code merchantId} is the merchant id Lapak sent with the
 * authorization (the tenant's id); {@code authorizationReference} finds the sale; {@code reference} is the
 * acquirer's own reference of this chargeback, unique, which its settlement file carries.
 */
public record ChargebackNotice(
        String merchantId,
        String authorizationReference,
        String reference,
        boolean reversal,
        long amountMinor,
        String currency,
        String message,
        Instant occurredAt) {}
