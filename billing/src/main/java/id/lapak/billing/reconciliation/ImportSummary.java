package id.lapak.billing.reconciliation;

import java.time.Instant;
import java.util.UUID;

/** An imported settlement file. */
public record ImportSummary(
        UUID id,
        String fileName,
        FileFormat format,
        Instant importedAt,
        String importedBy,
        int lines,
        int matched,
        int exceptions) {}
