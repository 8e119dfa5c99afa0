package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.card.CardChecks;
import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.billing.gateway.sandbox.SandboxTestCard.Behaviour;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * How the simulated issuers decide an authorization: the card number must pass the Luhn check and route to an issuer
 * by BIN, the issuer must be reachable, the account's behaviour (test cards) may decline, an expired card is
 * declined, and the amount is held if the account has it available (or partly, for the partial-approval card).
 */
final class IssuerRules {

    private static final Map<String, String> DECLINES =
            Map.of("14", "Invalid card number", "05", "Do not honour", "54", "Expired card");

    private final SandboxAccounts accounts;
    private final SandboxControls controls;
    private final Clock clock;

    IssuerRules(SandboxAccounts accounts, SandboxControls controls, Clock clock) {
        this.accounts = accounts;
        this.controls = controls;
        this.clock = clock;
    }

    SandboxDecision<AuthorizationResult> decide(AuthorizationRequest request) {
        Instant now = clock.instant();
        CardSeen card = see(request);
        JournalEntry base = new JournalEntry(
                0,
                now,
                Operation.AUTHORIZE,
                request.requestId(),
                null,
                null,
                card.issuer() == null ? null : card.issuer().displayName(),
                card.accountKey(),
                card.bin(),
                card.last4(),
                request.merchantId(),
                request.terminalId(),
                request.brand() == null ? null : request.brand().name(),
                request.entryMode() == null ? null : request.entryMode().name(),
                request.amountMinor(),
                0,
                request.currency(),
                false,
                null,
                null,
                null,
                request.offline());
        if (!card.luhn() || card.issuer() == null) {
            return declined(base, "14", "Invalid card number");
        }
        if (!controls.online(card.issuer())) {
            return declined(base, "91", "Issuer unavailable");
        }
        SandboxAccount account = accounts.account(card.accountKey(), card.issuer());
        String refusal = switch (account.behaviour) {
            case NO_SUCH_ACCOUNT -> "14";
            case DO_NOT_HONOUR -> "05";
            case EXPIRED -> "54";
            default ->
                CardChecks.expired(request.card().expiry(), YearMonth.from(now.atZone(ZoneOffset.UTC))) ? "54" : null;
        };
        if (refusal != null) {
            return declined(base, refusal, DECLINES.get(refusal));
        }
        return hold(request, account, base, now);
    }

    /** What the issuer reads of the card number before it is wiped: BIN, last four, Luhn, issuer, account. */
    private record CardSeen(String bin, String last4, boolean luhn, Issuer issuer, String accountKey) {}

    private CardSeen see(AuthorizationRequest request) {
        char[] pan = request.card().panChars();
        try {
            boolean luhn = SandboxAccounts.luhnValid(pan);
            Issuer issuer = luhn ? Issuer.route(pan) : null;
            return new CardSeen(
                    new String(pan, 0, 6),
                    new String(pan, pan.length - 4, 4),
                    luhn,
                    issuer,
                    issuer == null ? null : accounts.accountKey(pan));
        } finally {
            Arrays.fill(pan, '\0');
        }
    }

    /** Holds what the account can give: all (00), what is left (10, partial accounts only), or nothing (51). */
    private SandboxDecision<AuthorizationResult> hold(
            AuthorizationRequest request, SandboxAccount account, JournalEntry base, Instant now) {
        String reference = SandboxReferences.newReference("A");
        String authCode = SandboxReferences.newAuthorizationCode();
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
            SandboxAuthorization authorization = new SandboxAuthorization(
                    reference,
                    request.requestId(),
                    account,
                    approved,
                    request.currency(),
                    request.merchantId(),
                    base.brand());
            Runnable undo = authorization.hold();
            accounts.remember(authorization);
            String message = outcome == Outcome.APPROVED ? "Approved" : "Partially approved";
            JournalEntry entry = approvedEntry(request, base, now, reference, approved, code, authCode, message);
            return new SandboxDecision<>(
                    new AuthorizationResult(outcome, code, authCode, reference, approved, message),
                    entry,
                    () -> {
                        synchronized (account) {
                            undo.run();
                        }
                        accounts.forget(authorization);
                    },
                    account.behaviour == Behaviour.TIMEOUT);
        }
    }

    /** The journal entry of an approved authorization: what the issuer read of the card, and what it held. */
    private static JournalEntry approvedEntry(
            AuthorizationRequest request,
            JournalEntry base,
            Instant now,
            String reference,
            long approved,
            String code,
            String authCode,
            String message) {
        return new JournalEntry(
                0,
                now,
                Operation.AUTHORIZE,
                request.requestId(),
                reference,
                reference,
                base.issuer(),
                base.accountKey(),
                base.cardBin(),
                base.cardLast4(),
                base.merchantId(),
                base.terminalId(),
                base.brand(),
                base.entryMode(),
                request.amountMinor(),
                approved,
                request.currency(),
                true,
                code,
                authCode,
                message,
                request.offline());
    }

    private static SandboxDecision<AuthorizationResult> declined(JournalEntry base, String code, String message) {
        JournalEntry entry = new JournalEntry(
                0,
                base.occurredAt(),
                Operation.AUTHORIZE,
                base.requestId(),
                null,
                null,
                base.issuer(),
                base.accountKey(),
                base.cardBin(),
                base.cardLast4(),
                base.merchantId(),
                base.terminalId(),
                base.brand(),
                base.entryMode(),
                base.amountMinor(),
                0,
                base.currency(),
                false,
                code,
                null,
                message,
                base.offline());
        return new SandboxDecision<>(
                new AuthorizationResult(Outcome.DECLINED, code, null, null, 0, message), entry, () -> {}, false);
    }
}
