package id.lapak.billing.reconciliation;

import java.time.Instant;

/**
 * A transaction line of an acquirer's settlement file, as Lapak reads it. Amounts are minor units of
 * {@code currency}, signed from the merchant's side: {@code grossMinor} positive for a credit (capture, chargeback
 * reversal), negative for a debit; {@code netMinor} = gross − commission.
 */
record AcquirerLine(
        int lineNo,
        String pspReference,
        String merchantReference,
        EntryType type,
        Instant bookedAt,
        String currency,
        long grossMinor,
        long commissionMinor,
        long netMinor,
        String batchNumber) {}
