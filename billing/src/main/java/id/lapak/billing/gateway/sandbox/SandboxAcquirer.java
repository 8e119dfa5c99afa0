package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.ChargebackNotice;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.GatewayUnavailableException;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.gateway.sandbox.AnswerMemo.Answered;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.billing.gateway.sandbox.SandboxAuthorization.State;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The built-in acquirer: routes each card by BIN to a simulated issuer ({@link IssuerRules}), which holds funds on an
 * account with a balance ({@link SandboxAccounts}); capture moves held funds, void and reversal release them, refund
 * returns captured funds. Balances live in memory, guarded per account; every operation is written to the journal
 * (group commit) before it is answered ({@link AnswerMemo}), and the journal is replayed at start
 * ({@link JournalReplay}), so balances and answers survive a restart.
 *
 * <p>Each application node runs its own copy over the shared journal, and the copies act as one acquirer: a request
 * id another node journalled is answered with that node's answer, and before acting on an existing authorization a
 * node applies what the others journalled. The acquirer never keeps a card number: accounts are found by the
 * HMAC-SHA256 of the PAN under the sandbox's own key ({@code lapak.gateway.sandbox.account-key}); the journal has
 * only BIN, last four and that HMAC. It is for development, tests and benchmarks.
 */
@Component
@ConditionalOnProperty(name = "lapak.gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxAcquirer implements PaymentGateway, SmartInitializingSingleton {

    private static final String DEV_ACCOUNT_KEY = "c2FuZGJveC1hY3F1aXJlci1hY2NvdW50LWtleS1kZXYtb25seQ==";

    private final SandboxControls controls;
    private final Clock clock;
    private final SandboxAccounts accounts;
    private final AnswerMemo answers;
    private final JournalReplay replay;
    private final IssuerRules issuers;
    private final ApplicationEventPublisher events;

    SandboxAcquirer(SandboxJournal journal, SandboxControls controls, Clock clock, String base64Key) {
        this(journal, controls, clock, base64Key, event -> {});
    }

    @Autowired
    SandboxAcquirer(
            SandboxJournal journal,
            SandboxControls controls,
            Clock clock,
            @Value("${lapak.gateway.sandbox.account-key:" + DEV_ACCOUNT_KEY + "}") String base64Key,
            ApplicationEventPublisher events) {
        this.events = events;
        this.controls = controls;
        this.clock = clock;
        this.accounts = new SandboxAccounts(base64Key);
        this.answers = new AnswerMemo(journal);
        this.replay = new JournalReplay(accounts, answers);
        this.issuers = new IssuerRules(accounts, controls, clock);
    }

    /** Rebuilds balances, holds and answers from the journal once the schema is in place. */
    @Override
    public void afterSingletonsInstantiated() {
        answers.ensureLoaded(replay);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Authorization

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        answers.ensureLoaded(replay);
        FailMode mode = controls.beforeCall();
        Answered<AuthorizationResult> answered =
                answers.once(request.requestId(), AuthorizationResult.class, () -> issuers.decide(request), replay);
        if (mode == FailMode.TIMEOUT || answered.lost()) {
            throw new GatewayTimeoutException("No answer from the sandbox acquirer");
        }
        return answered.answer();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Capture, void, refund, reversal

    @Override
    public GatewayResult capture(String authorizationReference, long amountMinor, String currency, String requestId) {
        return operate(requestId, () -> {
            SandboxAuthorization authorization = accounts.byReference(authorizationReference);
            if (authorization == null) {
                return failure(
                        Operation.CAPTURE,
                        requestId,
                        authorizationReference,
                        null,
                        amountMinor,
                        currency,
                        "25",
                        "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.HELD) {
                    return failure(
                            Operation.CAPTURE,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "12",
                            "Authorization is " + authorization.state.name().toLowerCase(Locale.ROOT));
                }
                if (currency == null || !currency.equals(authorization.currency)) {
                    return failure(
                            Operation.CAPTURE,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "12",
                            "Currency differs from the authorization");
                }
                if (amountMinor <= 0 || amountMinor > authorization.hold) {
                    return failure(
                            Operation.CAPTURE,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "13",
                            "Amount exceeds the held amount");
                }
                Runnable undo = authorization.capture(amountMinor);
                return success(Operation.CAPTURE, requestId, authorization, amountMinor, "Captured", undo);
            }
        });
    }

    @Override
    public GatewayResult voidAuthorization(String authorizationReference, String requestId) {
        return operate(requestId, () -> {
            SandboxAuthorization authorization = accounts.byReference(authorizationReference);
            if (authorization == null) {
                return failure(
                        Operation.VOID,
                        requestId,
                        authorizationReference,
                        null,
                        0,
                        null,
                        "25",
                        "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.HELD) {
                    return failure(
                            Operation.VOID,
                            requestId,
                            authorizationReference,
                            authorization,
                            0,
                            authorization.currency,
                            "12",
                            "Authorization is " + authorization.state.name().toLowerCase(Locale.ROOT));
                }
                long released = authorization.hold;
                Runnable undo = authorization.release(State.VOIDED);
                return success(Operation.VOID, requestId, authorization, released, "Voided", undo);
            }
        });
    }

    @Override
    public GatewayResult refund(String authorizationReference, long amountMinor, String currency, String requestId) {
        return operate(requestId, () -> {
            SandboxAuthorization authorization = accounts.byReference(authorizationReference);
            if (authorization == null) {
                return failure(
                        Operation.REFUND,
                        requestId,
                        authorizationReference,
                        null,
                        amountMinor,
                        currency,
                        "25",
                        "Unknown authorization");
            }
            synchronized (authorization.account) {
                if (authorization.state != State.CAPTURED) {
                    return failure(
                            Operation.REFUND,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "12",
                            "Authorization is " + authorization.state.name().toLowerCase(Locale.ROOT));
                }
                if (currency == null || !currency.equals(authorization.currency)) {
                    return failure(
                            Operation.REFUND,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "12",
                            "Currency differs from the authorization");
                }
                if (amountMinor <= 0 || amountMinor > authorization.retained()) {
                    return failure(
                            Operation.REFUND,
                            requestId,
                            authorizationReference,
                            authorization,
                            amountMinor,
                            currency,
                            "13",
                            "Amount exceeds what is left to refund");
                }
                Runnable undo = authorization.refund(amountMinor);
                return success(Operation.REFUND, requestId, authorization, amountMinor, "Refunded", undo);
            }
        });
    }

    @Override
    public GatewayResult reverse(String authorizationRequestId) {
        String requestId = JournalReplay.reversalRequestId(authorizationRequestId);
        return operate(requestId, () -> {
            // An authorization still in flight finishes first; one that never arrived is answered "declined" if it
            // ever does, so a reversal can never leave funds held behind it.
            CompletableFuture<Object> tombstone = CompletableFuture.completedFuture(JournalReplay.neverArrived());
            CompletableFuture<Object> original = answers.rememberIfAbsent(authorizationRequestId, tombstone);
            if (original != null) {
                try {
                    original.get(AnswerMemo.JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GatewayUnavailableException("Interrupted");
                } catch (ExecutionException | TimeoutException e) {
                    // The authorization failed before acting; nothing is held.
                }
            }
            SandboxAuthorization authorization = accounts.byRequestId(authorizationRequestId);
            if (authorization == null) {
                Runnable undo = original == null ? () -> answers.forget(authorizationRequestId, tombstone) : () -> {};
                JournalEntry entry = entry(
                        Operation.REVERSAL,
                        requestId,
                        SandboxReferences.newReference("R"),
                        null,
                        null,
                        0,
                        null,
                        true,
                        "00",
                        "Nothing held for this authorization");
                return new SandboxDecision<>(
                        new GatewayResult(true, "00", entry.reference(), entry.message()), entry, undo, false);
            }
            synchronized (authorization.account) {
                long amount = authorization.state == State.HELD
                        ? authorization.hold
                        : authorization.state == State.CAPTURED ? authorization.retained() : 0;
                Runnable undo = switch (authorization.state) {
                    case HELD -> authorization.release(State.REVERSED);
                    case CAPTURED -> authorization.reverseCapture();
                    default -> () -> {};
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
    public GatewayResult reverseChargeback(
            String authorizationReference, long amountMinor, String caseId, String reason) {
        return dispute(Operation.CHARGEBACK_REVERSAL, authorizationReference, amountMinor, caseId, reason);
    }

    private GatewayResult dispute(
            Operation operation, String authorizationReference, long amountMinor, String caseId, String reason) {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("a dispute case id is required");
        }
        String requestId = operation.name().toLowerCase(Locale.ROOT) + ":" + caseId.strip();
        GatewayResult result = operate(
                requestId, () -> decideDispute(operation, requestId, authorizationReference, amountMinor, reason));
        SandboxAuthorization authorization = accounts.byReference(authorizationReference);
        if (result.success() && authorization != null) {
            // Announced on the first answer and again on a repeated case id: the platform records it once by the
            // chargeback's reference, so a notice lost on the way is delivered by asking again.
            events.publishEvent(new ChargebackNotice(
                    authorization.merchantId,
                    authorization.reference,
                    result.gatewayReference(),
                    operation == Operation.CHARGEBACK_REVERSAL,
                    amountMinor,
                    authorization.currency,
                    result.message(),
                    clock.instant()));
        }
        return result;
    }

    private SandboxDecision<GatewayResult> decideDispute(
            Operation operation, String requestId, String authorizationReference, long amountMinor, String reason) {
        SandboxAuthorization authorization = accounts.byReference(authorizationReference);
        if (authorization == null) {
            return failure(
                    operation,
                    requestId,
                    authorizationReference,
                    null,
                    amountMinor,
                    null,
                    "25",
                    "Unknown authorization");
        }
        synchronized (authorization.account) {
            if (authorization.state != State.CAPTURED) {
                return failure(
                        operation,
                        requestId,
                        authorizationReference,
                        authorization,
                        amountMinor,
                        authorization.currency,
                        "12",
                        "Nothing was captured for this authorization");
            }
            long limit = operation == Operation.CHARGEBACK
                    ? authorization.retained()
                    : authorization.chargedBack - authorization.chargebackReversed;
            if (amountMinor <= 0 || amountMinor > limit) {
                return failure(
                        operation,
                        requestId,
                        authorizationReference,
                        authorization,
                        amountMinor,
                        authorization.currency,
                        "13",
                        operation == Operation.CHARGEBACK
                                ? "Amount exceeds what the merchant holds of the capture"
                                : "Amount exceeds what was charged back");
            }
            Runnable undo = operation == Operation.CHARGEBACK
                    ? authorization.chargeback(amountMinor)
                    : authorization.reverseChargeback(amountMinor);
            String message = reason == null || reason.isBlank()
                    ? operation == Operation.CHARGEBACK ? "Chargeback" : "Chargeback reversed"
                    : reason.strip();
            return success(
                    operation,
                    requestId,
                    authorization,
                    amountMinor,
                    message.length() > 200 ? message.substring(0, 200) : message,
                    undo);
        }
    }

    /** The merchant and brand of an authorization, as the settlement file names them; empty when unknown. */
    Optional<String[]> merchantAndBrand(String authorizationReference) {
        SandboxAuthorization authorization = accounts.byReference(authorizationReference);
        return authorization == null
                ? Optional.empty()
                : Optional.of(new String[] {authorization.merchantId, authorization.brand});
    }

    /**
     * An operation on an existing authorization, answered once per request id. Another node may have captured,
     * refunded or reversed the authorization: what the others journalled is applied first.
     */
    private GatewayResult operate(String requestId, Supplier<SandboxDecision<GatewayResult>> decide) {
        answers.ensureLoaded(replay);
        answers.catchUp(replay);
        FailMode mode = controls.beforeCall();
        GatewayResult result =
                answers.once(requestId, GatewayResult.class, decide, replay).answer();
        if (mode == FailMode.TIMEOUT) {
            throw new GatewayTimeoutException("No answer from the sandbox acquirer");
        }
        return result;
    }

    private SandboxDecision<GatewayResult> success(
            Operation operation,
            String requestId,
            SandboxAuthorization authorization,
            long amount,
            String message,
            Runnable undo) {
        JournalEntry entry = entry(
                operation,
                requestId,
                SandboxReferences.newReference(
                        switch (operation) {
                            case CHARGEBACK -> "K";
                            case CHARGEBACK_REVERSAL -> "W";
                            default -> operation.name().substring(0, 1);
                        }),
                authorization,
                authorization.currency,
                amount,
                authorization.reference,
                true,
                "00",
                message);
        SandboxAccount account = authorization.account;
        return new SandboxDecision<>(
                new GatewayResult(true, "00", entry.reference(), message),
                entry,
                () -> {
                    synchronized (account) {
                        undo.run();
                    }
                },
                false);
    }

    private SandboxDecision<GatewayResult> failure(
            Operation operation,
            String requestId,
            String authorizationReference,
            SandboxAuthorization authorization,
            long amount,
            String currency,
            String code,
            String message) {
        JournalEntry entry = entry(
                operation,
                requestId,
                null,
                authorization,
                currency,
                amount,
                authorizationReference,
                false,
                code,
                message);
        return new SandboxDecision<>(new GatewayResult(false, code, null, message), entry, () -> {}, false);
    }

    private JournalEntry entry(
            Operation operation,
            String requestId,
            String reference,
            SandboxAuthorization authorization,
            String currency,
            long amount,
            String authorizationReference,
            boolean success,
            String code,
            String message) {
        SandboxAccount account = authorization == null ? null : authorization.account;
        return new JournalEntry(
                0,
                clock.instant(),
                operation,
                requestId,
                reference,
                authorizationReference,
                account == null ? null : account.issuer.displayName(),
                account == null ? null : account.key,
                null,
                null,
                null,
                null,
                null,
                null,
                Math.max(amount, 0),
                success ? amount : 0,
                currency,
                success,
                code,
                null,
                message,
                false);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accounts

    /** A test card's account as the issuer sees it now (on every node: what other nodes journalled included). */
    public AccountBalance balanceOf(SandboxTestCard card) {
        answers.ensureLoaded(replay);
        answers.catchUp(replay);
        return accounts.balanceOf(card);
    }

    /** The account of any card number, if the issuer has one (for tests; the PAN is not kept). */
    public Optional<AccountBalance> balanceOf(CharSequence pan) {
        answers.ensureLoaded(replay);
        answers.catchUp(replay);
        return accounts.balanceOf(pan);
    }

    /** An account's balance and the part of it held by open authorizations, in minor units. */
    public record AccountBalance(long balanceMinor, long heldMinor) {

        public long availableMinor() {
            return balanceMinor - heldMinor;
        }
    }
}
