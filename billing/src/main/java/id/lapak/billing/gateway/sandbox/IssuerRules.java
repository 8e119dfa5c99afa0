package id.lapak.billing.gateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

import id.lapak.billing.card.CardChecks;
import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.billing.gateway.sandbox.SandboxTestCard.Behaviour;

/**
 * How the simulated issuers decide an authorization: the card number must pass the Luhn check and route to an issuer
 * by BIN, the issuer must be reachable, the account's behaviour (test cards) may decline, an expired card is
 * declined, and the amount is held if the account has it available (or partly, for the partial-approval card).
 */
final class IssuerRules {

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
        char[] pan = request.card().panChars();
        String bin;
        String last4;
        String accountKey;
        Issuer issuer;
        boolean luhn;
        try {
            bin = new String(pan, 0, 6);
            last4 = new String(pan, pan.length - 4, 4);
            luhn = SandboxAccounts.luhnValid(pan);
            issuer = luhn ? Issuer.route(pan) : null;
            accountKey = issuer == null ? null : accounts.accountKey(pan);
        } finally {
            Arrays.fill(pan, '\0');
        }
        String expiry = request.card().expiry();
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
        SandboxAccount account = accounts.account(accountKey, issuer);
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
        if (CardChecks.expired(expiry, YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
            return declined(base, "54", "Expired card");
        }
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
            SandboxAuthorization authorization = new SandboxAuthorization(reference, request.requestId(), account,
                    approved, request.currency(), request.merchantId(), base.brand());
            Runnable undo = authorization.hold();
            accounts.remember(authorization);
            String message = outcome == Outcome.APPROVED ? "Approved" : "Partially approved";
            JournalEntry entry = new JournalEntry(0, now, Operation.AUTHORIZE, request.requestId(), reference,
                    reference, base.issuer(), accountKey, bin, last4, base.merchantId(), base.terminalId(),
                    base.brand(), base.entryMode(), request.amountMinor(), approved, request.currency(), true, code,
                    authCode, message, request.offline());
            return new SandboxDecision<>(new AuthorizationResult(outcome, code, authCode, reference, approved,
                    message), entry, () -> {
                        synchronized (account) {
                            undo.run();
                        }
                        accounts.forget(authorization);
                    }, account.behaviour == Behaviour.TIMEOUT);
        }
    }

    private static SandboxDecision<AuthorizationResult> declined(JournalEntry base, String code, String message) {
        JournalEntry entry = new JournalEntry(0, base.occurredAt(), Operation.AUTHORIZE, base.requestId(), null, null,
                base.issuer(), base.accountKey(), base.cardBin(), base.cardLast4(), base.merchantId(),
                base.terminalId(), base.brand(), base.entryMode(), base.amountMinor(), 0, base.currency(), false, code,
                null, message, base.offline());
        return new SandboxDecision<>(new AuthorizationResult(Outcome.DECLINED, code, null, null, 0, message), entry,
                () -> {
                }, false);
    }
}
