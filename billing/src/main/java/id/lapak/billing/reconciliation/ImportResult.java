package id.lapak.billing.reconciliation;

import java.util.UUID;

/**
 * What an import did: {@code alreadyImported} when the same file (by its SHA-256) was imported before, in which
 * case nothing changed and the counts are those of the first import.
 */
public record ImportResult(UUID importId, boolean alreadyImported, int lines, int matched, int exceptions) {}
