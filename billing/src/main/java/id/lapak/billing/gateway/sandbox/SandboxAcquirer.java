package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.ChargebackNotice;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.gateway.sandbox.AnswerMemo.Answered;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
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
 * returns captured funds ({@link OperationRules}). Balances live in memory, guarded per account; every operation is
 * written to the journal (group commit) before it is answered ({@link AnswerMemo}), and the journal is replayed at
 * start ({@link JournalReplay}), so balances and answers survive a restart.
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
    private final OperationRules operations;
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
        this.operations = new OperationRules(accounts, answers, clock);
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
        return operate(requestId, () -> operations.capture(authorizationReference, amountMinor, currency, requestId));
    }

    @Override
    public GatewayResult voidAuthorization(String authorizationReference, String requestId) {
        return operate(requestId, () -> operations.voidAuthorization(authorizationReference, requestId));
    }

    @Override
    public GatewayResult refund(String authorizationReference, long amountMinor, String currency, String requestId) {
        return operate(requestId, () -> operations.refund(authorizationReference, amountMinor, currency, requestId));
    }

    @Override
    public GatewayResult reverse(String authorizationRequestId) {
        String requestId = JournalReplay.reversalRequestId(authorizationRequestId);
        return operate(requestId, () -> operations.reverse(authorizationRequestId, requestId));
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
                requestId, () -> operations.dispute(operation, requestId, authorizationReference, amountMinor, reason));
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
