package id.lapak.billing.sale.payment;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.CaptureMode;
import id.lapak.billing.sale.DeviceContexts;
import id.lapak.billing.sale.DeviceContexts.DeviceContext;
import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.OperationStatus;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.PaymentResult;
import id.lapak.billing.sale.SaleRow;
import id.lapak.billing.sale.SaleRows;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.reversal.Reversals;
import id.lapak.cardcrypto.carddata.CardData;
import id.lapak.device.keys.ReaderKeyUses;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleReferences;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The device payment path: decrypt the reader's card data, check it ({@link CardReading}), record the sale, authorize
 * it at the acquirer exactly once per idempotency key, capture it when the tenant captures immediately, and answer.
 *
 * <p>Exactly once: the sale row (unique on tenant, device and idempotency key, with the hash of the canonical
 * request) is committed in a short transaction <em>before</em> the acquirer is called, with a lease
 * ({@code claimed_until}) naming the request that may authorize it. A concurrent duplicate finds the row, waits
 * until it is decided and answers the stored result; a retry after the lease ran out (the node died mid-call) takes
 * the lease over and asks the acquirer again with the same request id, the sale's id, which the acquirer answers
 * with its first answer. See docs/decisions/0020-payment-idempotency.md.
 *
 * <p>Clear card data exists only between decryption and the end of the authorization call, and is wiped in
 * {@code finally}. Nothing of it reaches a log line or an exception message.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private record Claim(SaleRow existing, NewSale created, CaptureMode captureMode, boolean owner) {}

    private final SaleRows rows;
    private final PaymentRows paymentRows;
    private final DuplicateRequests duplicates;
    private final CardReading cardReading;
    private final ObjectProvider<PaymentGateway> gateways;
    private final DeviceContexts devices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lease;
    private final Duration authorizationTimeout;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ReaderKeyUses ksnUses;
    private final SaleReferences references;
    private final Duration maxClockSkew;

    PaymentService(
            SaleRows rows,
            PaymentRows paymentRows,
            DuplicateRequests duplicates,
            CardReading cardReading,
            ObjectProvider<PaymentGateway> gateways,
            DeviceContexts devices,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${lapak.payments.lease:PT60S}") Duration lease,
            @Value("${lapak.payments.authorization-timeout:PT20S}") Duration authorizationTimeout,
            ReaderKeyUses ksnUses,
            SaleReferences references,
            @Value("${lapak.payments.max-clock-skew:PT5M}") Duration maxClockSkew) {
        this.authorizationTimeout = authorizationTimeout;
        this.ksnUses = ksnUses;
        this.references = references;
        this.maxClockSkew = maxClockSkew;
        this.rows = rows;
        this.paymentRows = paymentRows;
        this.duplicates = duplicates;
        this.cardReading = cardReading;
        this.gateways = gateways;
        this.devices = devices;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Takes a payment from the authenticated device (its tenant is the current one) and answers its result, or the
     * stored result when the idempotency key was seen before with the same request.
     *
     * @throws PaymentRefusedException for a request that cannot be taken (bad input, unreadable card data, the
     *                                 key reused with another request, the first request still in progress)
     */
    @PreAuthorize("hasRole('DEVICE')")
    public PaymentResult pay(UUID deviceId, PaymentRequest request) {
        UUID tenant = TenantContext.requireTenant();
        DeviceContext device = devices.of(deviceId);
        PaymentRequests.validate(request, device);
        checkFutureDeviceTime(request, clock.instant());
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            throw new PaymentRefusedException("gateway_unavailable", "No payment gateway is configured", 503);
        }
        byte[] hash = PaymentRequests.canonicalHash(request);
        Instant now = now(); // PostgreSQL keeps microseconds: the first answer says what a replay will say
        CardData[] card = new CardData[1];
        try {
            Claim claim = transaction.execute(status -> {
                checkReferences(request); // in the transaction: row-level security sees the tenant's rows only here
                card[0] = cardReading.decrypt(request.card());
                CardFacts facts = cardReading.inspect(card[0], request, device, now);
                NewSale sale = newSale(tenant, device, request, hash, facts, now);
                PaymentRows.Inserted inserted = paymentRows.insert(sale);
                if (inserted.inserted()) {
                    claimKsn(deviceId, request, sale.id(), now);
                    return new Claim(null, sale, inserted.captureMode(), sale.status() == SaleStatus.PENDING);
                }
                SaleRow existing = rows.findByKey(
                                tenant, deviceId, request.idempotencyKey().strip())
                        .orElseThrow(() -> new IllegalStateException("a conflicting sale vanished"));
                if (!MessageDigest.isEqual(existing.requestHash(), hash)) {
                    throw PaymentRequests.keyReused();
                }
                boolean takeOver = existing.status() == SaleStatus.PENDING
                        && existing.claimedUntil() != null
                        && existing.claimedUntil().isBefore(now)
                        && paymentRows.takeOver(existing, now, now.plus(lease));
                return new Claim(
                        existing, takeOver ? sale.withId(existing.id()) : null, inserted.captureMode(), takeOver);
            });
            if (claim.created() != null && !claim.owner()) {
                return claim.created().result(); // declined by Lapak before reaching the acquirer
            }
            if (claim.owner()) {
                return authorize(gateway, claim.created(), card[0], claim.captureMode(), device);
            }
            CardReading.destroy(card);
            return duplicates.await(gateway, claim.existing());
        } finally {
            CardReading.destroy(card);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The KSN must be this device's reader key's, and its counter new (recorded with the sale, or not at all). */
    private void claimKsn(UUID deviceId, PaymentRequest request, UUID saleId, Instant now) {
        try {
            ksnUses.claim(deviceId, request.card().algorithm(), request.card().ksn(), saleId, now);
        } catch (ReaderKeyUses.RefusedKsn e) {
            throw new PaymentRefusedException(e.reason(), e.getMessage(), 422);
        }
    }

    /** Every id the device names must be its tenant's: another tenant's variant or customer is refused. */
    private void checkReferences(PaymentRequest request) {
        Set<UUID> variants = new HashSet<>();
        request.lines().forEach(line -> variants.add(line.variantId()));
        if (!references.unknownVariants(variants).isEmpty()) {
            throw new PaymentRefusedException(
                    "variant_unknown", "A line names a variant that is not in this store's catalog", 422);
        }
        if (request.customerId() != null && !references.customerExists(request.customerId())) {
            throw new PaymentRefusedException("customer_unknown", "customerId is not a customer of this merchant", 422);
        }
    }

    /** The request owns the sale's lease: ask the acquirer, capture when immediate, store and answer. */
    private PaymentResult authorize(
            PaymentGateway gateway, NewSale sale, CardData card, CaptureMode captureMode, DeviceContext device) {
        String requestId = sale.id().toString();
        AuthorizationRequest authorization = new AuthorizationRequest(
                requestId,
                sale.tenantId().toString(),
                sale.deviceId().toString(),
                card,
                sale.brand(),
                sale.entryMode(),
                sale.amountMinor(),
                sale.currency(),
                sale.offline(),
                sale.deviceTime());
        AcquirerAnswers.Asked asked =
                AcquirerAnswers.ask(calls, authorizationTimeout, gateway, authorization, card, requestId);
        Instant decidedAt = now();
        String actor = "device " + device.name();
        AcquirerAnswers.Decided decided =
                AcquirerAnswers.decide(gateway, sale, captureMode, asked, actor, decidedAt, clock);
        return recordOrReverse(gateway, sale, decided.decision(), decided.operations(), actor, decidedAt);
    }

    /**
     * Records the decided sale; an approved sale that cannot be recorded (its stock movements refused) is reversed
     * and recorded as failed, so no hold is left that no sale stands for.
     */
    private PaymentResult recordOrReverse(
            PaymentGateway gateway,
            NewSale sale,
            Decision decision,
            List<NewOperation> operations,
            String actor,
            Instant decidedAt) {
        String requestId = sale.id().toString();
        Decision decided = decision;
        PaymentResult result;
        try {
            result = record(sale, decided, decidedAt, operations);
        } catch (RuntimeException e) {
            if (!decided.status().approved()) {
                throw e;
            }
            // The sale and its stock movements could not commit together (a listener refused them): give the
            // money back rather than keep a hold no sale stands for, and tell the device it failed.
            log.error(
                    "Payment {}: the approved sale could not be recorded ({}); reversing it",
                    requestId,
                    e.getClass().getSimpleName());
            GatewayResult reversal = Reversals.reverse(gateway, requestId);
            boolean reversed = reversal != null && reversal.success();
            List<NewOperation> withReversal = new ArrayList<>(operations);
            withReversal.add(new NewOperation(
                    UUID.randomUUID(),
                    OperationKind.REVERSAL,
                    reversed ? OperationStatus.SUCCEEDED : OperationStatus.FAILED,
                    decided.authorizedMinor(),
                    reversal == null ? null : reversal.responseCode(),
                    reversal == null ? null : reversal.gatewayReference(),
                    "sale not recorded",
                    actor,
                    clock.instant()));
            Decision failed = new Decision(
                    SaleStatus.afterReversal(reversed, true),
                    decided.responseCode(),
                    null,
                    "sale_not_recorded",
                    decided.gatewayReference(),
                    0,
                    0);
            result = record(sale, failed, decidedAt, withReversal);
        }
        if (decided.status() == SaleStatus.REVERSAL_PENDING) {
            log.warn(
                    "Payment {}: the reversal is not confirmed; the reversal sweeper or a replay retries it",
                    requestId);
        }
        return result;
    }

    /** Stores the decision and the timeline; an approved sale publishes {@link SaleCompleted} in the same commit. */
    private PaymentResult record(NewSale sale, Decision decided, Instant decidedAt, List<NewOperation> operations) {
        return transaction.execute(status -> {
            if (!paymentRows.decide(sale.tenantId(), sale.id(), decided, decidedAt, operations)) {
                // Another request took the lease over and decided first: its answer is the one stored.
                return rows.find(sale.tenantId(), sale.id())
                        .orElseThrow()
                        .result()
                        .asReplay();
            }
            if (decided.status().approved()) {
                events.publishEvent(new SaleCompleted(
                        sale.tenantId(),
                        sale.id(),
                        sale.storeId(),
                        sale.deviceId(),
                        sale.customerId(),
                        sale.currency(),
                        decided.authorizedMinor(),
                        sale.taxMinor(),
                        sale.tipMinor(),
                        decidedAt,
                        sale.saleLines()));
            }
            return sale.decided(decided, decidedAt).result();
        });
    }

    private NewSale newSale(
            UUID tenant, DeviceContext device, PaymentRequest request, byte[] hash, CardFacts facts, Instant now) {
        boolean offline = Boolean.TRUE.equals(request.offline());
        boolean declined = facts.localDeclineReason() != null;
        List<SaleLine> lines = request.lines().stream()
                .map(l -> new SaleLine(
                        l.variantId(),
                        l.description(),
                        l.quantity(),
                        l.unitPriceMinor(),
                        l.taxMinor() == null ? 0 : l.taxMinor(),
                        l.totalMinor()))
                .toList();
        long tax = lines.stream().mapToLong(SaleLine::taxMinor).sum();
        return new NewSale(
                tenant,
                UUID.randomUUID(),
                device.storeId(),
                device.deviceId(),
                request.idempotencyKey().strip(),
                hash,
                declined ? SaleStatus.DECLINED : SaleStatus.PENDING,
                declined ? null : now.plus(lease),
                request.currency().toUpperCase(Locale.ROOT),
                request.amountMinor(),
                request.tipMinor() == null ? 0 : request.tipMinor(),
                tax,
                request.customerId(),
                request.entryMode(),
                offline,
                request.deviceTime(),
                now,
                offline ? request.deviceTime() : now,
                declined ? now : null,
                facts,
                lines,
                cashier(request.cashier()),
                request.lines().stream().map(PaymentRequest.Line::discountMinor).toList());
    }

    private static PaymentRequest.Cashier cashier(PaymentRequest.Cashier reported) {
        return reported == null
                ? null
                : new PaymentRequest.Cashier(
                        reported.code().strip(),
                        reported.name() == null ? null : reported.name().strip());
    }

    /**
     * A device clock may be a little ahead of the server's ({@code lapak.payments.max-clock-skew}, 5 minutes by
     * default); an offline payment (sold at its device time) claiming to be from further in the future is refused,
     * never recorded as sold later. Online payments are sold at the server's time.
     */
    private void checkFutureDeviceTime(PaymentRequest r, Instant now) {
        if (Boolean.TRUE.equals(r.offline()) && r.deviceTime().isAfter(now.plus(maxClockSkew))) {
            throw new PaymentRefusedException(
                    "device_time_in_future",
                    "deviceTime is more than " + maxClockSkew.toMinutes()
                            + " minutes ahead of the server's clock; set the device's clock",
                    422);
        }
    }
}
