package id.lapak.billing.gateway.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.ChargebackNotice;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.GatewayUnavailableException;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.billing.gateway.sandbox.SandboxTestCard.Behaviour;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The built-in acquirer: routes each card by BIN to a simulated issuer, which holds funds on an account with a
 * balance; capture moves held funds, void and reversal release them, refund returns captured funds. Balances live in
 * memory, guarded per account; every operation is written to the journal (group commit) before it is answered, and
 * the journal is replayed at start, so balances and answers survive a restart.
 *
 * <p>The acquirer never keeps a card number: accounts are found by the HMAC-SHA256 of the PAN under the sandbox's
 * own key ({@code lapak.gateway.sandbox.account-key}); the journal has only BIN, last four and that HMAC. It is one
 * acquirer in one process: in a cluster each node would have its own, so it is for development, tests and
 * benchmarks.
 */
@Component
@ConditionalOnProperty(name = "lapak.gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxAcquirer implements PaymentGateway, SmartInitializingSingleton {

    private static final String DEV_ACCOUNT_KEY = "c2FuZGJveC1hY3F1aXJlci1hY2NvdW50LWtleS1kZXYtb25seQ==";
    private static final long JOURNAL_WAIT_SECONDS = 10;
    private static final char[] AUTH_CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SandboxJournal journal;
    private final SandboxControls controls;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Authorization> byReference = new ConcurrentHashMap<>();
    private final Map<String, Authorization> byRequestId = new ConcurrentHashMap<>();
    /** The first answer to every request id, in flight or done: what makes every operation idempotent. */
    private final Map<String, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();
    private final Map<SandboxTestCard, String> testCardKeys = new EnumMap<>(SandboxTestCard.class);
    private final ApplicationEventPublisher events;
    private volatile boolean loaded;
    /** The newest journal entry this node has applied or knows (guarded by {@code this}). */
    private long journalCursor;

    SandboxAcquirer(SandboxJournal journal, SandboxControls controls, Clock clock, String base64Key) {
        this(journal, controls, clock, base64Key, event -> {
        });
    }

    @Autowired
    SandboxAcquirer(SandboxJournal journal, SandboxControls controls, Clock clock,
                    @Value("${lapak.gateway.sandbox.account-key:" + DEV_ACCOUNT_KEY + "}") String base64Key,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.journal = journal;
        this.controls = controls;
        this.clock = clock;
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalStateException("lapak.gateway.sandbox.account-key must be at least 32 bytes (base64)");
        }
        SecretKeySpec key = new SecretKeySpec(raw, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        for (SandboxTestCard card : SandboxTestCard.values()) {
            String accountKey = accountKey(card.pan().toCharArray());
            testCardKeys.put(card, accountKey);
            accounts.put(accountKey, new Account(accountKey, card.issuer(), card.balanceMinor(), card.behaviour()));
        }
    }

    /** Rebuilds balances, holds and answers from the journal once the schema is in place. */
    @Override
    public void afterSingletonsInstantiated() {
        ensureLoaded();
    }

    /**
     * Applies what other nodes of the acquirer journalled since this node last looked: an acquirer is one system, so
     * an authorization taken on one node can be captured, refunded or reversed on another, and a request id answered
     * on one is answered the same on every other. Entries this node wrote itself are known and skipped.
     */
    private synchronized void catchUp() {
        journal.replayAfter(journalCursor, entry -> {
            journalCursor = Math.max(journalCursor, entry.id());
            if (!answers.containsKey(entry.requestId())) {
                replay(entry);
            }
        });
    }

    /** Before acting on an existing authorization: another node may have captured, refunded or reversed it. */
    private void catchUpFirst() {
        ensureLoaded();
        catchUp();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                journal.replay(entry -> {
                    journalCursor = Math.max(journalCursor, entry.id());
                    replay(entry);
                });
                loaded = true;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Authorization

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        ensureLoaded();
        FailMode mode = controls.beforeCall();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = answers.putIfAbsent(request.requestId(), mine);
        if (first != null) {
            AuthorizationResult earlier = answerOf(first, AuthorizationResult.class, request.requestId());
            if (mode == FailMode.TIMEOUT) {
                throw new GatewayTimeoutException("No answer from the sandbox acquirer");
            }
            return earlier;
        }
        Decision<AuthorizationResult> decision;
        try {
            decision = decideAuthorization(request);
        } catch (RuntimeException e) {
            answers.remove(request.requestId(), mine);
            mine.completeExceptionally(e);
            throw e;
        }
        AuthorizationResult result = record(request.requestId(), mine, decision);
        if (mode == FailMode.TIMEOUT || decision.loseAnswer()) {
            throw new GatewayTimeoutException("No answer from the sandbox acquirer");
        }
        return result;
    }

    private Decision<AuthorizationResult> decideAuthorization(AuthorizationRequest request) {
        Instant now = clock.instant();
        char[] pan = request.card().panChars();
        String bin;
        String last4;
        String accountKey;
        Issuer issuer;
        boolean luhn;
        try {
            bin = new String(pan, 0, 6);
            last4 = new String(pan, pan.length - 4, 4);
            luhn = luhnValid(pan);
            issuer = luhn ? Issuer.route(pan) : null;
            accountKey = issuer == null ? null : accountKey(pan);
        } finally {
            Arrays.fill(pan, '\0');
        }
        String expiry = request.card().expiry();
        YearMonth cardExpiry = YearMonth.of(2000 + Integer.parseInt(expiry.substring(0, 2)),
                Integer.parseInt(expiry.substring(2, 4)));
        JournalEntry base = new JournalEntry(0, now, Operation.AUTHORIZE, request.requestId(), null, null,
                issuer == null ? null : issuer.displayName(), accountKey, bin, last4, request.merchantId(),
                request.terminalId(), request.brand() == null ? null : request.brand().name(),
                request.entryMode() == null ? null : request.entryMode().name(), request.amountMinor(), 0,
                request.currency(), false, null, null, null, request.offline());

        if (!luhn || issuer == null) {
            return declined(base, "14", "Invalid card number");
        }
        if (!controls.online(issuer)) {
            return declined(base, "91", "Issuer unavailable");
        }
        Account account = accounts.computeIfAbsent(accountKey,
                key -> new Account(key, issuer, SandboxTestCard.DEFAULT_BALANCE_MINOR, Behaviour.NORMAL));
        switch (account.behaviour) {
            case NO_SUCH_ACCOUNT -> {
                return declined(base, "14", "Invalid card number");
            }
            case DO_NOT_HONOUR -> {
                return declined(base, "05", "Do not honour");
            }
            case EXPIRED -> {
                return declined(base, "54", "Expired card");
            }
            default -> {
            }
        }
        if (cardExpiry.isBefore(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
            return declined(base, "54", "Expired card");
        }
        String reference = newReference("A");
        String authCode = newAuthorizationCode();
        synchronized (account) {
            long available = account.balance - account.held;
            long approved;
            String code;
            Outcome outcome;
            if (request.amountMinor() <= available) {
                approved = request.amountMinor();
                code = "00";
                outcome = Outcome.APPROVED;
            } else if (account.behaviour == Behaviour.PARTIAL && available > 0) {
                approved = available;
                code = "10";
                outcome = Outcome.PARTIALLY_APPROVED;
            } else {
                return declined(base, "51", "Insufficient funds");
            }
            Authorization authorization = new Authorization(reference, request.requestId(), account, approved,
                    request.currency(), request.merchantId(), base.brand());
            Runnable undo = authorization.hold();
            byReference.put(reference, authorization);
            byRequestId.put(request.requestId(), authorization);
            String message = outcome == Outcome.APPROVED ? "Approved" : "Partially approved";
            JournalEntry entry = new JournalEntry(0, now, Operation.AUTHORIZE, request.requestId(), reference,
                    reference, base.issuer(), accountKey, bin, last4, base.merchantId(), base.terminalId(),
                    base.brand(), base.entryMode(), request.amountMinor(), approved, request.currency(), true, code,
                    authCode, message, request.offline());
            return new Decision<>(new AuthorizationResult(outcome, code, authCode, reference, approved, message), entry,
                    () -> {
                        synchronized (account) {
                            undo.run();
                        }
                        byReference.remove(reference);
                        byRequestId.remove(request.requestId());
                    }, account.behaviour == Behaviour.TIMEOUT);
        }
    }

    private static Decision<AuthorizationResult> declined(JournalEntry base, String code, String message) {
        JournalEntry entry = new JournalEntry(0, base.occurredAt(), Operation.AUTHORIZE, base.requestId(), null, null,
                base.issuer(), base.accountKey(), base.cardBin(), base.cardLast4(), base.merchantId(),
                base.terminalId(), base.brand(), base.entryMode(), base.amountMinor(), 0, base.currency(), false, code,
                null, message, base.offline());
        return new Decision<>(new AuthorizationResult(Outcome.DECLINED, code, null, null, 0, message), entry, () -> {
        }, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Capture, void, refund, reversal

    @Override
    public GatewayResult capture(String authorizationReference, long amountMinor, String currency, String requestId) {
        catchUpFirst();
        return operate(requestId, () -> {
            Authorization authorization = byReference.get(authorizationReference);
            if (authorization == null) {
                return failure(Operation.CAPTURE, requestId, authorizationReference, null, amountMinor, currency,
                        "25", "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.HELD) {
                    return failure(Operation.CAPTURE, requestId, authorizationReference, authorization, amountMinor,
                            currency, "12", "Authorization is " + authorization.state.name().toLowerCase());
                }
                if (currency == null || !currency.equals(authorization.currency)) {
                    return failure(Operation.CAPTURE, requestId, authorizationReference, authorization, amountMinor,
                            currency, "12", "Currency differs from the authorization");
                }
                if (amountMinor <= 0 || amountMinor > authorization.hold) {
                    return failure(Operation.CAPTURE, requestId, authorizationReference, authorization, amountMinor,
                            currency, "13", "Amount exceeds the held amount");
                }
                Runnable undo = authorization.capture(amountMinor);
                return success(Operation.CAPTURE, requestId, authorization, amountMinor, "Captured", undo);
            }
        });
    }

    @Override
    public GatewayResult voidAuthorization(String authorizationReference, String requestId) {
        catchUpFirst();
        return operate(requestId, () -> {
            Authorization authorization = byReference.get(authorizationReference);
            if (authorization == null) {
                return failure(Operation.VOID, requestId, authorizationReference, null, 0, null, "25",
                        "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.HELD) {
                    return failure(Operation.VOID, requestId, authorizationReference, authorization, 0,
                            authorization.currency, "12",
                            "Authorization is " + authorization.state.name().toLowerCase());
                }
                long released = authorization.hold;
                Runnable undo = authorization.release(State.VOIDED);
                return success(Operation.VOID, requestId, authorization, released, "Voided", undo);
            }
        });
    }

    @Override
    public GatewayResult refund(String authorizationReference, long amountMinor, String currency, String requestId) {
        catchUpFirst();
        return operate(requestId, () -> {
            Authorization authorization = byReference.get(authorizationReference);
            if (authorization == null) {
                return failure(Operation.REFUND, requestId, authorizationReference, null, amountMinor, currency,
                        "25", "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.CAPTURED) {
                    return failure(Operation.REFUND, requestId, authorizationReference, authorization, amountMinor,
                            currency, "12", "Authorization is " + authorization.state.name().toLowerCase());
                }
                if (currency == null || !currency.equals(authorization.currency)) {
                    return failure(Operation.REFUND, requestId, authorizationReference, authorization, amountMinor,
                            currency, "12", "Currency differs from the authorization");
                }
                if (amountMinor <= 0 || amountMinor > authorization.retained()) {
                    return failure(Operation.REFUND, requestId, authorizationReference, authorization, amountMinor,
                            currency, "13", "Amount exceeds what is left to refund");
                }
                Runnable undo = authorization.refund(amountMinor);
                return success(Operation.REFUND, requestId, authorization, amountMinor, "Refunded", undo);
            }
        });
    }

    @Override
    public GatewayResult reverse(String authorizationRequestId) {
        catchUpFirst(); // the authorization may have been taken, or changed, on another node
        String requestId = reversalRequestId(authorizationRequestId);
        return operate(requestId, () -> {
            // An authorization still in flight finishes first; one that never arrived is answered "declined" if it
            // ever does, so a reversal can never leave funds held behind it.
            CompletableFuture<Object> tombstone = CompletableFuture.completedFuture(neverArrived());
            CompletableFuture<Object> original = answers.putIfAbsent(authorizationRequestId, tombstone);
            if (original != null) {
                try {
                    original.get(JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GatewayUnavailableException("Interrupted");
                } catch (ExecutionException | TimeoutException e) {
                    // The authorization failed before acting; nothing is held.
                }
            }
            Authorization authorization = byRequestId.get(authorizationRequestId);
            if (authorization == null) {
                Runnable undo = original == null ? () -> answers.remove(authorizationRequestId, tombstone) : () -> {
                };
                JournalEntry entry = entry(Operation.REVERSAL, requestId, newReference("R"), null, null, 0, null,
                        true, "00", "Nothing held for this authorization");
                return new Decision<>(new GatewayResult(true, "00", entry.reference(), entry.message()), entry, undo,
                        false);
            }
            synchronized (authorization.account) {
                long amount = authorization.state == State.HELD ? authorization.hold
                        : authorization.state == State.CAPTURED ? authorization.retained() : 0;
                Runnable undo = switch (authorization.state) {
                    case HELD -> authorization.release(State.REVERSED);
                    case CAPTURED -> authorization.reverseCapture();
                    default -> () -> {
                    };
                };
                String message = amount == 0 ? "Nothing held for this authorization" : "Reversed";
                return success(Operation.REVERSAL, requestId, authorization, amount, message, undo);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Chargebacks: raised by the acquirer (its dispute desk), not asked for by the merchant

    /**
     * The cardholder disputed a captured payment and their issuer takes {@code amountMinor} back from the merchant.
     * {@code caseId} is the dispute's id: the same case id gets the same answer and never takes money twice. At most
     * what the merchant still holds of the capture (captured − refunded − charged back) can be charged back. A
     * successful chargeback is journalled (it is a line of the settlement file) and announced to the merchant's
     * platform as a {@link ChargebackNotice}.
     */
    public GatewayResult chargeback(String authorizationReference, long amountMinor, String caseId, String reason) {
        return dispute(Operation.CHARGEBACK, authorizationReference, amountMinor, caseId, reason);
    }

    /** The merchant won the dispute: up to what was charged back (and not reversed yet) goes back to them. */
    public GatewayResult reverseChargeback(String authorizationReference, long amountMinor, String caseId,
                                           String reason) {
        return dispute(Operation.CHARGEBACK_REVERSAL, authorizationReference, amountMinor, caseId, reason);
    }

    private GatewayResult dispute(Operation operation, String authorizationReference, long amountMinor,
                                  String caseId, String reason) {
        catchUpFirst();
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a dispute case id is required");
        }
        String requestId = operation.name().toLowerCase(java.util.Locale.ROOT) + ":" + caseId.strip();
        Authorization[] found = new Authorization[1];
        GatewayResult result = operate(requestId, () -> {
            Authorization authorization = byReference.get(authorizationReference);
            found[0] = authorization;
            if (authorization == null) {
                return failure(operation, requestId, authorizationReference, null, amountMinor, null, "25",
                        "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.CAPTURED) {
                    return failure(operation, requestId, authorizationReference, authorization, amountMinor,
                            authorization.currency, "12", "Nothing was captured for this authorization");
                }
                long limit = operation == Operation.CHARGEBACK ? authorization.retained()
                        : authorization.chargedBack - authorization.chargebackReversed;
                if (amountMinor <= 0 || amountMinor > limit) {
                    return failure(operation, requestId, authorizationReference, authorization, amountMinor,
                            authorization.currency, "13", operation == Operation.CHARGEBACK
                                    ? "Amount exceeds what the merchant holds of the capture"
                                    : "Amount exceeds what was charged back");
                }
                Runnable undo = operation == Operation.CHARGEBACK ? authorization.chargeback(amountMinor)
                        : authorization.reverseChargeback(amountMinor);
                String message = reason == null || reason.isBlank() ? operation == Operation.CHARGEBACK
                        ? "Chargeback" : "Chargeback reversed" : reason.strip();
                return success(operation, requestId, authorization, amountMinor,
                        message.length() > 200 ? message.substring(0, 200) : message, undo);
            }
        });
        Authorization authorization = found[0] != null ? found[0] : byReference.get(authorizationReference);
        if (result.success() && authorization != null) {
            // Announced on the first answer and again on a repeated case id: the platform records it once by the
            // chargeback's reference, so a notice lost on the way is delivered by asking again.
            events.publishEvent(new ChargebackNotice(authorization.merchantId, authorization.reference,
                    result.gatewayReference(), operation == Operation.CHARGEBACK_REVERSAL, amountMinor,
                    authorization.currency, result.message(), clock.instant()));
        }
        return result;
    }

    /** The merchant and brand of an authorization, as the settlement file names them; empty when unknown. */
    Optional<String[]> merchantAndBrand(String authorizationReference) {
        Authorization authorization = authorizationReference == null ? null : byReference.get(authorizationReference);
        return authorization == null ? Optional.empty()
                : Optional.of(new String[] {authorization.merchantId, authorization.brand});
    }

    static String reversalRequestId(String authorizationRequestId) {
        return authorizationRequestId + ":reversal";
    }

    private static AuthorizationResult neverArrived() {
        return new AuthorizationResult(Outcome.DECLINED, "05", null, null, 0,
                "Do not honour: reversed before it arrived");
    }

    private GatewayResult operate(String requestId, java.util.function.Supplier<Decision<GatewayResult>> decide) {
        ensureLoaded();
        FailMode mode = controls.beforeCall();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = answers.putIfAbsent(requestId, mine);
        GatewayResult result;
        if (first != null) {
            result = answerOf(first, GatewayResult.class, requestId);
        } else {
            Decision<GatewayResult> decision;
            try {
                decision = decide.get();
            } catch (RuntimeException e) {
                answers.remove(requestId, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            result = record(requestId, mine, decision);
        }
        if (mode == FailMode.TIMEOUT) {
            throw new GatewayTimeoutException("No answer from the sandbox acquirer");
        }
        return result;
    }

    private Decision<GatewayResult> success(Operation operation, String requestId, Authorization authorization,
                                            long amount, String message, Runnable undo) {
        JournalEntry entry = entry(operation, requestId, newReference(switch (operation) {
                    case CHARGEBACK -> "K";
                    case CHARGEBACK_REVERSAL -> "W";
                    default -> operation.name().substring(0, 1);
                }),
                authorization, authorization.currency, amount, authorization.reference, true, "00", message);
        Account account = authorization.account;
        return new Decision<>(new GatewayResult(true, "00", entry.reference(), message), entry, () -> {
            synchronized (account) {
                undo.run();
            }
        }, false);
    }

    private Decision<GatewayResult> failure(Operation operation, String requestId, String authorizationReference,
                                            Authorization authorization, long amount, String currency, String code,
                                            String message) {
        JournalEntry entry = entry(operation, requestId, null, authorization, currency, amount,
                authorizationReference, false, code, message);
        return new Decision<>(new GatewayResult(false, code, null, message), entry, () -> {
        }, false);
    }

    private JournalEntry entry(Operation operation, String requestId, String reference, Authorization authorization,
                               String currency, long amount, String authorizationReference, boolean success,
                               String code, String message) {
        Account account = authorization == null ? null : authorization.account;
        return new JournalEntry(0, clock.instant(), operation, requestId, reference, authorizationReference,
                account == null ? null : account.issuer.displayName(), account == null ? null : account.key, null,
                null, null, null, null, null, Math.max(amount, 0), success ? amount : 0, currency, success, code,
                null, message, false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Journal, answers and replay

    private <T> T record(String requestId, CompletableFuture<Object> mine, Decision<T> decision) {
        try {
            journal.append(decision.entry()).get(JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(requestId, mine, decision, e);
            throw new GatewayUnavailableException("Interrupted while the sandbox acquirer recorded the operation");
        } catch (ExecutionException e) {
            abandon(requestId, mine, decision, e);
            if (e.getCause() instanceof DuplicateRequestException) {
                // Another node answered this request id first: answer what it answered, never act twice.
                catchUp();
                CompletableFuture<Object> recorded = answers.get(requestId);
                if (recorded != null && recorded.isDone() && !recorded.isCompletedExceptionally()) {
                    @SuppressWarnings("unchecked")
                    Class<T> type = (Class<T>) decision.answer().getClass();
                    return answerOf(recorded, type, requestId);
                }
            }
            throw new GatewayUnavailableException("The sandbox acquirer could not record the operation");
        } catch (TimeoutException e) {
            abandon(requestId, mine, decision, e);
            throw new GatewayUnavailableException("The sandbox acquirer could not record the operation");
        }
        mine.complete(decision.answer());
        return decision.answer();
    }

    private void abandon(String requestId, CompletableFuture<Object> mine, Decision<?> decision, Exception cause) {
        decision.undo().run();
        answers.remove(requestId, mine);
        mine.completeExceptionally(cause);
    }

    private static <T> T answerOf(CompletableFuture<Object> first, Class<T> type, String requestId) {
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

    private void replay(JournalEntry entry) {
        Object answer;
        switch (entry.operation()) {
            case AUTHORIZE -> {
                Outcome outcome = !entry.success() ? Outcome.DECLINED
                        : "10".equals(entry.responseCode()) ? Outcome.PARTIALLY_APPROVED : Outcome.APPROVED;
                answer = new AuthorizationResult(outcome, entry.responseCode(), entry.authorizationCode(),
                        entry.reference(), entry.approvedMinor(), entry.message());
                if (entry.success()) {
                    Account account = accounts.computeIfAbsent(entry.accountKey(), key -> new Account(key,
                            Issuer.byName(entry.issuer()), SandboxTestCard.DEFAULT_BALANCE_MINOR, Behaviour.NORMAL));
                    Authorization authorization = new Authorization(entry.reference(), entry.requestId(), account,
                            entry.approvedMinor(), entry.currency(), entry.merchantId(), entry.brand());
                    synchronized (account) {
                        authorization.hold();
                    }
                    byReference.put(entry.reference(), authorization);
                    byRequestId.put(entry.requestId(), authorization);
                }
            }
            default -> {
                answer = new GatewayResult(entry.success(), entry.responseCode(), entry.reference(), entry.message());
                Authorization authorization = entry.authorizationReference() == null ? null
                        : byReference.get(entry.authorizationReference());
                if (entry.operation() == Operation.REVERSAL && authorization == null && entry.success()) {
                    String original = entry.requestId().substring(0,
                            entry.requestId().length() - ":reversal".length());
                    answers.putIfAbsent(original, CompletableFuture.completedFuture(neverArrived()));
                }
                if (entry.success() && authorization != null) {
                    synchronized (authorization.account) {
                        apply(entry, authorization);
                    }
                }
            }
        }
        answers.put(entry.requestId(), CompletableFuture.completedFuture(answer));
    }

    private static void apply(JournalEntry entry, Authorization authorization) {
        switch (entry.operation()) {
            case CAPTURE -> authorization.capture(entry.approvedMinor());
            case VOID -> authorization.release(State.VOIDED);
            case REFUND -> authorization.refund(entry.approvedMinor());
            case CHARGEBACK -> authorization.chargeback(entry.approvedMinor());
            case CHARGEBACK_REVERSAL -> authorization.reverseChargeback(entry.approvedMinor());
            case REVERSAL -> {
                if (authorization.state == State.HELD) {
                    authorization.release(State.REVERSED);
                } else if (authorization.state == State.CAPTURED) {
                    authorization.reverseCapture();
                }
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accounts

    /** A test card's account as the issuer sees it now. */
    public AccountBalance balanceOf(SandboxTestCard card) {
        return snapshot(accounts.get(testCardKeys.get(card)));
    }

    /** The account of any card number, if the issuer has one (for tests; the PAN is not kept). */
    public Optional<AccountBalance> balanceOf(CharSequence pan) {
        char[] chars = new char[pan.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = pan.charAt(i);
        }
        try {
            return Optional.ofNullable(accounts.get(accountKey(chars))).map(SandboxAcquirer::snapshot);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static AccountBalance snapshot(Account account) {
        synchronized (account) {
            return new AccountBalance(account.balance, account.held);
        }
    }

    /** An account's balance and the part of it held by open authorizations, in minor units. */
    public record AccountBalance(long balanceMinor, long heldMinor) {

        public long availableMinor() {
            return balanceMinor - heldMinor;
        }
    }

    private String accountKey(char[] pan) {
        Mac mac = macs.get();
        ByteBuffer bytes = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(pan));
        try {
            mac.update(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    static boolean luhnValid(char[] pan) {
        int sum = 0;
        boolean twice = false;
        for (int i = pan.length - 1; i >= 0; i--) {
            int digit = pan[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return pan.length >= 12 && sum % 10 == 0;
    }

    /**
     * References only have to be unique, not unguessable: a random version-4 UUID from the thread's own generator,
     * which, unlike {@code UUID.randomUUID()}, takes no lock (the shared SecureRandom showed up as contention while
     * an account's monitor was held).
     */
    private static String newReference(String kind) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "SBX" + kind + "-" + new UUID(high, low);
    }

    private static String newAuthorizationCode() {
        char[] code = new char[6];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < code.length; i++) {
            code[i] = AUTH_CODE_CHARS[random.nextInt(AUTH_CODE_CHARS.length)];
        }
        return new String(code);
    }

    private record Decision<T>(T answer, JournalEntry entry, Runnable undo, boolean loseAnswer) {
    }

    private enum State { HELD, CAPTURED, VOIDED, REVERSED }

    /** A card account at an issuer; guarded by its own monitor. */
    private static final class Account {
        final String key;
        final Issuer issuer;
        final Behaviour behaviour;
        long balance;
        long held;

        Account(String key, Issuer issuer, long balance, Behaviour behaviour) {
            this.key = key;
            this.issuer = issuer;
            this.balance = balance;
            this.behaviour = behaviour;
        }
    }

    /** An authorization and what became of it; changed only under its account's monitor. Each change returns its undo. */
    private static final class Authorization {
        final String reference;
        final String requestId;
        final Account account;
        final long approved;
        final String currency;
        final String merchantId;
        final String brand;
        State state = State.HELD;
        long hold;
        long captured;
        long refunded;
        long chargedBack;
        long chargebackReversed;

        Authorization(String reference, String requestId, Account account, long approved, String currency,
                      String merchantId, String brand) {
            this.reference = reference;
            this.requestId = requestId;
            this.account = account;
            this.approved = approved;
            this.currency = currency;
            this.merchantId = merchantId;
            this.brand = brand;
        }

        /** What the merchant still holds of the capture: captured − refunded − charged back (net of reversals). */
        long retained() {
            return captured - refunded - (chargedBack - chargebackReversed);
        }

        /** The cardholder gets {@code amount} back from the merchant through their issuer. */
        Runnable chargeback(long amount) {
            account.balance += amount;
            chargedBack += amount;
            return () -> {
                account.balance -= amount;
                chargedBack -= amount;
            };
        }

        /** The dispute went the merchant's way: the amount goes back to the merchant. */
        Runnable reverseChargeback(long amount) {
            account.balance -= amount;
            chargebackReversed += amount;
            return () -> {
                account.balance += amount;
                chargebackReversed -= amount;
            };
        }

        Runnable hold() {
            hold = approved;
            account.held += approved;
            return () -> {
                account.held -= hold;
                hold = 0;
                state = State.REVERSED;
            };
        }

        /** Moves {@code amount} of the hold to the merchant and releases the rest. */
        Runnable capture(long amount) {
            long heldBefore = hold;
            account.held -= heldBefore;
            account.balance -= amount;
            hold = 0;
            captured = amount;
            state = State.CAPTURED;
            return () -> {
                account.balance += amount;
                account.held += heldBefore;
                hold = heldBefore;
                captured = 0;
                state = State.HELD;
            };
        }

        Runnable release(State to) {
            long heldBefore = hold;
            State before = state;
            account.held -= heldBefore;
            hold = 0;
            state = to;
            return () -> {
                account.held += heldBefore;
                hold = heldBefore;
                state = before;
            };
        }

        Runnable refund(long amount) {
            account.balance += amount;
            refunded += amount;
            return () -> {
                account.balance -= amount;
                refunded -= amount;
            };
        }

        Runnable reverseCapture() {
            long amount = retained();
            State before = state;
            account.balance += amount;
            refunded += amount;
            state = State.REVERSED;
            return () -> {
                account.balance -= amount;
                refunded -= amount;
                state = before;
            };
        }
    }
}
