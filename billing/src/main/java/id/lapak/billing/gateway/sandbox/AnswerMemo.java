package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.GatewayUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The first answer to every request id, in flight or done, on this node and — through the shared journal — on every
 * other: what makes each operation of the acquirer happen once. An answer counts only once its journal entry is
 * durable; a request id another node journalled first is answered with that node's answer.
 */
final class AnswerMemo {

    static final long JOURNAL_WAIT_SECONDS = 10;

    /** One answer, and whether the simulated network loses it on the way back. */
    record Answered<T>(T answer, boolean lost) {}

    private final Map<String, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();
    private final SandboxJournal journal;
    private volatile boolean loaded;
    /** The newest journal entry this node has applied or knows (guarded by {@code this}). */
    private long cursor;
    /** Catch-ups asked for, and the newest ticket a finished catch-up served (guarded by {@code tickets}). */
    private final Object tickets = new Object();

    private long asked;
    private long served;

    AnswerMemo(SandboxJournal journal) {
        this.journal = journal;
    }

    /** Replays the whole journal once (balances, holds and answers survive a restart). */
    void ensureLoaded(Consumer<JournalEntry> apply) {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                journal.replay(entry -> {
                    cursor = Math.max(cursor, entry.id());
                    apply.accept(entry);
                });
                loaded = true;
            }
        }
    }

    /**
     * Applies what other nodes of the acquirer journalled since this node last looked: an acquirer is one system, so
     * an authorization taken on one node can be captured, refunded or reversed on another, and a request id answered
     * on one is answered the same on every other. Entries this node knows already are skipped.
     *
     * <p>Callers that ask while a catch-up is running share the next one: each takes a ticket, and a catch-up serves
     * every ticket taken before it began (its read starts after they asked, so it sees all they need). Under load
     * one journal read serves many operations instead of each operation queueing for its own.
     */
    void catchUp(Consumer<JournalEntry> apply) {
        long ticket;
        synchronized (tickets) {
            ticket = ++asked;
        }
        synchronized (this) {
            long upTo;
            synchronized (tickets) {
                if (served >= ticket) {
                    return;
                }
                upTo = asked;
            }
            journal.replayAfter(cursor, entry -> {
                cursor = Math.max(cursor, entry.id());
                if (!answers.containsKey(entry.requestId())) {
                    apply.accept(entry);
                }
            });
            synchronized (tickets) {
                served = upTo;
            }
        }
    }

    /**
     * The answer to {@code requestId}: the first one (waiting for it while in flight), or {@code decide}'s, once its
     * journal entry is durable. When the journal already holds the request id (another node answered it), that
     * answer is returned after {@code apply} caught up with the journal.
     */
    <T> Answered<T> once(
            String requestId, Class<T> type, Supplier<SandboxDecision<T>> decide, Consumer<JournalEntry> apply) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = answers.putIfAbsent(requestId, mine);
        if (first != null) {
            return new Answered<>(answerOf(first, type, requestId), false);
        }
        SandboxDecision<T> decision;
        try {
            decision = decide.get();
        } catch (RuntimeException e) {
            answers.remove(requestId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        try {
            journal.append(decision.entry()).get(JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(requestId, mine, decision, e);
            // The journal write may still land: whether the acquirer acted is unknown, so the caller reverses.
            throw new GatewayTimeoutException("Interrupted while the sandbox acquirer recorded the operation");
        } catch (ExecutionException e) {
            abandon(requestId, mine, decision, e);
            if (e.getCause() instanceof DuplicateRequestException) {
                // Another node answered this request id first: answer what it answered, never act twice.
                catchUp(apply);
                CompletableFuture<Object> recorded = answers.get(requestId);
                if (recorded != null && recorded.isDone() && !recorded.isCompletedExceptionally()) {
                    return new Answered<>(answerOf(recorded, type, requestId), false);
                }
                // Another node acted on this request, but its answer is not known here yet: unknown, reverse.
                throw new GatewayTimeoutException("Another node answered this request; its answer is not known yet");
            }
            throw new GatewayUnavailableException("The sandbox acquirer could not record the operation");
        } catch (TimeoutException e) {
            abandon(requestId, mine, decision, e);
            // The write is still under way and may land: whether the acquirer acted is unknown, so the caller
            // reverses (a reversal of nothing is harmless) rather than answer "nothing was charged".
            throw new GatewayTimeoutException("The sandbox acquirer did not confirm the operation in time");
        }
        mine.complete(decision.answer());
        return new Answered<>(decision.answer(), decision.loseAnswer());
    }

    boolean knows(String requestId) {
        return answers.containsKey(requestId);
    }

    /** Records an answer read from the journal. */
    void remember(String requestId, Object answer) {
        answers.put(requestId, CompletableFuture.completedFuture(answer));
    }

    /** Puts {@code answer} for a request id that has none yet; returns the one it already had, else null. */
    CompletableFuture<Object> rememberIfAbsent(String requestId, CompletableFuture<Object> answer) {
        return answers.putIfAbsent(requestId, answer);
    }

    void forget(String requestId, CompletableFuture<Object> answer) {
        answers.remove(requestId, answer);
    }

    private void abandon(
            String requestId, CompletableFuture<Object> mine, SandboxDecision<?> decision, Exception cause) {
        decision.undo().run();
        answers.remove(requestId, mine);
        mine.completeExceptionally(cause);
    }

    static <T> T answerOf(CompletableFuture<Object> first, Class<T> type, String requestId) {
        Object answer;
        try {
            answer = first.get(JOURNAL_WAIT_SECONDS * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("Interrupted");
        } catch (ExecutionException e) {
            throw new GatewayUnavailableException("The sandbox acquirer could not record the operation");
        } catch (TimeoutException e) {
            throw new GatewayTimeoutException("No answer from the sandbox acquirer");
        }
        if (!type.isInstance(answer)) {
            throw new IllegalArgumentException("Request id " + requestId + " was used for another operation");
        }
        return type.cast(answer);
    }
}
