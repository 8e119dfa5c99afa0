package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Applies a journal entry to the accounts and the answers: at start for the whole journal, later for what other
 * nodes wrote. An entry's effect is what the operation did when it was answered, never decided again.
 */
final class JournalReplay implements Consumer<JournalEntry> {

    private static final String REVERSAL_SUFFIX = ":reversal";

    private final SandboxAccounts accounts;
    private final AnswerMemo answers;

    JournalReplay(SandboxAccounts accounts, AnswerMemo answers) {
        this.accounts = accounts;
        this.answers = answers;
    }

    static String reversalRequestId(String authorizationRequestId) {
        return authorizationRequestId + REVERSAL_SUFFIX;
    }

    /** The answer to an authorization whose reversal came first: it is declined if it ever arrives. */
    static AuthorizationResult neverArrived() {
        return new AuthorizationResult(
                Outcome.DECLINED, "05", null, null, 0, "Do not honour: reversed before it arrived");
    }

    @Override
    public void accept(JournalEntry entry) {
        Object answer;
        if (entry.operation() == Operation.AUTHORIZE) {
            Outcome outcome = !entry.success()
                    ? Outcome.DECLINED
                    : "10".equals(entry.responseCode()) ? Outcome.PARTIALLY_APPROVED : Outcome.APPROVED;
            answer = new AuthorizationResult(
                    outcome,
                    entry.responseCode(),
                    entry.authorizationCode(),
                    entry.reference(),
                    entry.approvedMinor(),
                    entry.message());
            if (entry.success()) {
                SandboxAccount account = accounts.account(entry.accountKey(), Issuer.byName(entry.issuer()));
                SandboxAuthorization authorization = new SandboxAuthorization(
                        entry.reference(),
                        entry.requestId(),
                        account,
                        entry.approvedMinor(),
                        entry.currency(),
                        entry.merchantId(),
                        entry.brand());
                synchronized (account) {
                    authorization.hold();
                }
                accounts.remember(authorization);
            }
        } else {
            answer = new GatewayResult(entry.success(), entry.responseCode(), entry.reference(), entry.message());
            SandboxAuthorization authorization = accounts.byReference(entry.authorizationReference());
            if (entry.operation() == Operation.REVERSAL
                    && authorization == null
                    && entry.success()
                    && entry.requestId().endsWith(REVERSAL_SUFFIX)) {
                String original =
                        entry.requestId().substring(0, entry.requestId().length() - REVERSAL_SUFFIX.length());
                answers.rememberIfAbsent(original, CompletableFuture.completedFuture(neverArrived()));
            }
            if (entry.success() && authorization != null) {
                synchronized (authorization.account) {
                    authorization.apply(entry);
                }
            }
        }
        answers.remember(entry.requestId(), answer);
    }
}
