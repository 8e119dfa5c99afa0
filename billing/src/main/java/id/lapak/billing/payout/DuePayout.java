package id.lapak.billing.payout;

import java.time.LocalDate;
import java.util.UUID;

/** A payout in a run, with where it goes. */
record DuePayout(
        UUID tenantId,
        UUID id,
        UUID batchId,
        LocalDate businessDay,
        String tenantName,
        String bankCode,
        String bankName,
        String accountNumber,
        String holderName,
        String currency,
        long amountMinor,
        LocalDate expectedOn) {}
