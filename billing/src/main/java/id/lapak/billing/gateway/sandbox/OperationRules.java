package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayUnavailableException;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.billing.gateway.sandbox.SandboxAuthorization.State;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the acquirer decides an operation on an authorization it gave: capture and void of a hold, refund of a capture,
 * reversal of whatever the authorization still holds or took, and the dispute desk's chargebacks and their reversals.
 * Each decision changes the account in memory under its lock and comes with the journal entry that records it and a
 * way to take the change back.
 */
final class OperationRules {

    private final SandboxAccounts accounts;
    private final AnswerMemo answers;
    private final Clock clock;

    OperationRules(SandboxAccounts accounts, AnswerMemo answers, Clock clock) {
        this.accounts = accounts;
        this.answers = answers;
        this.clock = clock;
    }

    SandboxDecision<GatewayResult> capture(
            String authorizationReference, long amountMinor, String currency, String requestId) {
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
    }

    SandboxDecision<GatewayResult> voidAuthorization(String authorizationReference, String requestId) {
        SandboxAuthorization authorization = accounts.byReference(authorizationReference);
        if (authorization == null) {
            return failure(
                    Operation.VOID, requestId, authorizationReference, null, 0, null, "25", "Unknown authorization");
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
    }

    SandboxDecision<GatewayResult> refund(
            String authorizationReference, long amountMinor, String currency, String requestId) {
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
    }

    /** Reverses what the authorization of {@code authorizationRequestId} holds or took, answering {@code requestId}. */
    SandboxDecision<GatewayResult> reverse(String authorizationRequestId, String requestId) {
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
    }

    /** A chargeback or its reversal, as the dispute desk raised it; {@code reason} becomes the message. */
    SandboxDecision<GatewayResult> dispute(
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
}
