package id.lapak.tenant.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Follows a chain entry by entry and lists every place where it does not hold: a gap in the sequence (entries
 * deleted), a sequence number out of order or repeated (entries inserted or reordered), an entry whose content no
 * longer matches its hash (edited), an entry that does not link to the one before it (relinked), and a head that
 * is ahead of the last entry (tail truncated). The walk goes on after each problem, re-synchronising on what is
 * there, so one edit does not hide a deletion further on.
 */
final class ChainWalk {
    private final UUID tenantId;
    private final SecretKeySpec key;
    private final AuditCheckpoints.Checkpoint checkpoint;
    private boolean checkpointEntrySeen;
    private boolean keyedSeen;
    private final List<ChainStatus.ChainProblem> problems = new ArrayList<>();
    private long count;
    private long expectedSeq = 1;
    private byte[] previousHash;

    ChainWalk(UUID tenantId, SecretKeySpec key, AuditCheckpoints.Checkpoint checkpoint) {
        this.tenantId = tenantId;
        this.key = key;
        this.checkpoint = checkpoint;
    }

    void next(ChainEntry entry, byte[] storedHash) {
        count++;
        boolean linked = Arrays.equals(entry.prevHash(), previousHash);
        if (entry.seq() > expectedSeq) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.DELETED,
                    entry.id(),
                    expectedSeq,
                    entry.seq() - expectedSeq == 1
                            ? "entry " + expectedSeq + " is missing"
                            : "entries " + expectedSeq + " to " + (entry.seq() - 1) + " are missing"));
        } else if (entry.seq() < expectedSeq) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.INSERTED_OR_REORDERED,
                    entry.id(),
                    entry.seq(),
                    "entry " + entry.seq() + " appears again or out of order"));
        } else if (!linked) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.RELINKED,
                    entry.id(),
                    entry.seq(),
                    "entry " + entry.seq() + " does not link to the entry before it"));
        }
        if (!MessageDigest.isEqual(entry.hash(key), storedHash)) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.EDITED,
                    entry.id(),
                    entry.seq(),
                    "entry " + entry.seq() + "'s content does not match its hash"));
        } else if (entry.keyVersion() == ChainEntry.UNKEYED && keyedSeen) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.EDITED,
                    entry.id(),
                    entry.seq(),
                    "entry " + entry.seq() + " is hashed without the key after keyed entries"));
        }
        keyedSeen |= entry.keyVersion() == ChainEntry.KEYED;
        if (checkpoint != null && entry.seq() == checkpoint.seq()) {
            checkpointEntrySeen = true;
            if (!Arrays.equals(storedHash, checkpoint.head())) {
                problems.add(new ChainStatus.ChainProblem(
                        ChainStatus.Kind.REWRITTEN_BEFORE_CHECKPOINT,
                        entry.id(),
                        entry.seq(),
                        "entries up to " + entry.seq() + " differ from the signed checkpoint of " + checkpoint.at()));
            }
        }
        expectedSeq = Math.max(expectedSeq, entry.seq() + 1);
        previousHash = storedHash;
    }

    ChainStatus finish(AuditLog.Head head) {
        if (checkpoint != null && !checkpointEntrySeen && checkpoint.seq() > 0) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.REWRITTEN_BEFORE_CHECKPOINT,
                    null,
                    checkpoint.seq(),
                    "entry " + checkpoint.seq() + ", signed in the checkpoint of " + checkpoint.at() + ", is missing"));
        }
        if (head.lastSeq() != expectedSeq - 1 || !Arrays.equals(head.lastHash(), previousHash)) {
            problems.add(new ChainStatus.ChainProblem(
                    ChainStatus.Kind.TRUNCATED_TAIL,
                    null,
                    expectedSeq,
                    head.lastSeq() > expectedSeq - 1
                            ? "entries after " + (expectedSeq - 1) + " are missing"
                            : "the chain's head does not name its last entry"));
        }
        ChainStatus.ChainProblem first = problems.isEmpty() ? null : problems.getFirst();
        return new ChainStatus(
                tenantId,
                problems.isEmpty(),
                count,
                first == null ? null : first.entryId(),
                first == null ? null : first.description(),
                problems);
    }
}
