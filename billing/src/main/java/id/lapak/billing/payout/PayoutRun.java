package id.lapak.billing.payout;

import java.time.LocalDate;
import java.util.UUID;

/** A payout file run: the payouts due by {@code dueOn}, as the documented CSV and as ISO 20022 pain.001. */
public record PayoutRun(
        UUID id, LocalDate dueOn, int payouts, long totalMinor, String currency, String csv, String pain001) {}
