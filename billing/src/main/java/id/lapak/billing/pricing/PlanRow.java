package id.lapak.billing.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A pricing plan of a tenant's history, as pages show it; rates by brand. */
public record PlanRow(
        UUID id,
        LocalDate effectiveFrom,
        String currency,
        long minimumFeeMinor,
        long ppnBasisPoints,
        Instant recordedAt,
        String recordedBy,
        Map<String, PlanForm.BrandRate> rates) {}
