package id.lapak.tenant.audit;

import java.util.List;
import java.util.UUID;

/**
 * The result of walking one audit chain: intact or not, how many entries, and <em>every</em> problem found, in chain
 * order ({@link #problems}); {@code firstBadEntryId} and {@code problem} repeat the first of them (the entry is null
 * when the break is a missing tail). {@code tenantId} is null for the platform chain.
 */
public record ChainStatus(
        UUID tenantId,
        boolean intact,
        long entries,
        UUID firstBadEntryId,
        String problem,
        List<ChainProblem> problems) {

    /** What is wrong at one place of the chain. */
    public enum Kind {
        EDITED,
        DELETED,
        INSERTED_OR_REORDERED,
        RELINKED,
        TRUNCATED_TAIL,
        REWRITTEN_BEFORE_CHECKPOINT
    }

    /**
     * One problem: its kind, the entry where it shows (null for a missing tail), the sequence number concerned and a
     * sentence for people.
     */
    public record ChainProblem(Kind kind, UUID entryId, long seq, String description) {}

    public ChainStatus {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
