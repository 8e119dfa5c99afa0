package id.lapak.billing.payout;

import java.util.UUID;

/** A tenant's payout account was changed (published in the changing transaction); numbers are masked. */
public record PayoutAccountChanged(
        UUID tenantId, String bankName, String holderName, String maskedBefore, String maskedAfter, String changedBy) {}
