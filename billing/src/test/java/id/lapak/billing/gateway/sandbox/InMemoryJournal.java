package id.lapak.billing.gateway.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A journal in a list, which a test can make fail; like the table, it takes each request id once. */
class InMemoryJournal implements SandboxJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    volatile boolean failing;

    @Override
    public synchronized CompletableFuture<Void> append(JournalEntry entry) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
        }
        if (entries.stream().anyMatch(e -> e.requestId().equals(entry.requestId()))) {
            return CompletableFuture.failedFuture(new DuplicateRequestException(entry.requestId()));
        }
        entries.add(entry.withId(entries.size() + 1));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void replay(Consumer<JournalEntry> consumer) {
        entries.forEach(consumer);
    }

    @Override
    public synchronized void replayAfter(long afterId, Consumer<JournalEntry> consumer) {
        entries.stream().filter(e -> e.id() > afterId).forEach(consumer);
    }

    @Override
    public synchronized List<JournalEntry> between(Instant from, Instant to) {
        return entries.stream()
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .toList();
    }

    synchronized List<JournalEntry> all() {
        return List.copyOf(entries);
    }
}
