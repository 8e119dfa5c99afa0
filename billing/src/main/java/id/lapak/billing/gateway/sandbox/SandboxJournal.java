package id.lapak.billing.gateway.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Where the sandbox acquirer keeps its settlement file. */
interface SandboxJournal {

    /**
     * Queues the entry; the future completes once it is durable, or fails when it could not be written — with a
     * {@link DuplicateRequestException} when another node of the acquirer already journalled the same request id.
     */
    CompletableFuture<Void> append(JournalEntry entry);

    /** Every entry in the order written, for rebuilding balances after a restart. */
    void replay(Consumer<JournalEntry> consumer);

    /** The entries written after the entry with id {@code afterId} (by any node), in the order written. */
    void replayAfter(long afterId, Consumer<JournalEntry> consumer);

    /** Entries that occurred in [{@code from}, {@code to}), oldest first. */
    List<JournalEntry> between(Instant from, Instant to);
}
