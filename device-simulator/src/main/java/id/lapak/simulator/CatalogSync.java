package id.lapak.simulator;

import java.util.Map;

/**
 * A catalog sync: the {@code version} to send as {@code since} next time, how many pages and changes it took, the
 * changes per type and how many were deletions.
 */
public record CatalogSync(
        String version, int pages, long changes, Map<String, Long> byType, long deletions, long millis) {}
