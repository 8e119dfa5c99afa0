package id.lapak.billing.settlement;

import java.time.LocalDate;
import java.util.UUID;

/** A settlement batch was closed (published inside the closing transaction). */
public record BatchClosed(UUID tenantId, UUID batchId, LocalDate businessDay, String currency, long netMinor) {}
