package id.lapak.tenant.audit;

import java.util.UUID;

/**
 * The result of walking one audit chain: intact or not, how many entries, and the first entry whose hash or link
 * does not hold ({@code firstBadEntryId}, null when intact or when the break is a missing tail).
 * {@code tenantId} is null for the platform chain.
 */
public record ChainStatus(UUID tenantId, boolean intact, long entries, UUID firstBadEntryId, String problem) {
}
