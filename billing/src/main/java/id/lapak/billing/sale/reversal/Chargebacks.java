package id.lapak.billing.sale.reversal;

import id.lapak.billing.gateway.ChargebackNotice;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.sandbox.SandboxAcquirer;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chargebacks on sales. The acquirer announces each one ({@link ChargebackNotice}); it becomes a CHARGEBACK (money
 * out of the merchant) or CHARGEBACK_REVERSAL (money back) operation on the sale's timeline, recorded once per
 * acquirer reference (a unique index), audited in the tenant's chain, and left for settlement to pick up like a
 * capture or refund. Support can make the sandbox acquirer raise or reverse one for a sale (the sandbox is the only
 * acquirer whose disputes Lapak can start); the same notice path records it.
 */
@Service
public class Chargebacks {

    private static final Logger log = LoggerFactory.getLogger(Chargebacks.class);
    public static final int REASON_MAX = 200;

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final AuditLog audit;
    private final ObjectProvider<SandboxAcquirer> sandbox;
    private final TransactionTemplate transaction;

    Chargebacks(
            JdbcClient jdbc,
            PlatformAccess platform,
            AuditLog audit,
            ObjectProvider<SandboxAcquirer> sandbox,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.audit = audit;
        this.sandbox = sandbox;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A sale as support finds it for a chargeback. */
    public record DisputedSale(
            UUID tenantId,
            UUID saleId,
            String authorizationReference,
            String currency,
            long capturedMinor,
            long refundedMinor,
            long chargedBackMinor) {

        /** What the merchant still holds of the capture. */
        public long retainedMinor() {
            return capturedMinor - refundedMinor - chargedBackMinor;
        }
    }

    /** Support looks a sale up by its id or the acquirer's reference, in a tenant, through the platform path. */
    @PreAuthorize("hasRole('SUPPORT')")
    public Optional<DisputedSale> find(UUID tenantId, String saleIdOrReference) {
        String key = saleIdOrReference == null ? "" : saleIdOrReference.strip();
        UUID saleId = parseUuid(key);
        return platform.call(
                "support looks up a sale of tenant " + tenantId + " for a chargeback",
                () -> jdbc.sql("""
                        select s.tenant_id, s.id, s.gateway_reference, s.currency, s.captured_minor, s.refunded_minor,
                               coalesce((select sum(case when o.kind = 'CHARGEBACK' then o.amount_minor
                                                         else -o.amount_minor end)
                                         from payment_operation o
                                         where o.tenant_id = s.tenant_id and o.sale_id = s.id
                                           and o.kind in ('CHARGEBACK', 'CHARGEBACK_REVERSAL')
                                           and o.status = 'SUCCEEDED'), 0) as charged_back
                        from sale s
                        where s.tenant_id = ? and (s.id = ? or s.gateway_reference = ?)""")
                        .params(tenantId, saleId, key)
                        .query((rs, n) -> new DisputedSale(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7)))
                        .optional());
    }

    /**
     * Support makes the sandbox acquirer charge {@code amountMinor} of a captured sale back; the acquirer's notice
     * records it on the sale. Refused with a stable reason when the sandbox is off, the sale is not captured or the
     * amount is more than the merchant holds.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public GatewayResult raiseInSandbox(UUID tenantId, UUID saleId, long amountMinor, String reason) {
        return dispute(tenantId, saleId, amountMinor, reason, false);
    }

    /** Support makes the sandbox acquirer give back up to what was charged back of the sale. */
    @PreAuthorize("hasRole('SUPPORT')")
    public GatewayResult reverseInSandbox(UUID tenantId, UUID saleId, long amountMinor, String reason) {
        return dispute(tenantId, saleId, amountMinor, reason, true);
    }

    private GatewayResult dispute(UUID tenantId, UUID saleId, long amountMinor, String reason, boolean reversal) {
        SandboxAcquirer acquirer = sandbox.getIfAvailable();
        if (acquirer == null) {
            throw new PaymentRefusedException(
                    "sandbox_off", "Chargebacks are raised only in the sandbox acquirer", 409);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new PaymentRefusedException(
                    "reason_too_long", "A reason is at most " + REASON_MAX + " characters", 400);
        }
        if (amountMinor <= 0) {
            throw new PaymentRefusedException("amount_invalid", "A chargeback amount is positive", 400);
        }
        DisputedSale sale = find(tenantId, saleId.toString())
                .filter(s -> s.authorizationReference() != null)
                .orElseThrow(() -> new SaleNotFoundException(saleId));
        String caseId = UUID.randomUUID().toString();
        GatewayResult result = reversal
                ? acquirer.reverseChargeback(sale.authorizationReference(), amountMinor, caseId, why)
                : acquirer.chargeback(sale.authorizationReference(), amountMinor, caseId, why);
        if (!result.success()) {
            throw new PaymentRefusedException(
                    "13".equals(result.responseCode()) ? "chargeback_exceeds_retained" : "not_captured",
                    "The acquirer refused the " + (reversal ? "reversal" : "chargeback") + " (" + result.responseCode()
                            + ")",
                    409);
        }
        return result;
    }

    /** The acquirer's notice: record it on the sale in the notice's tenant, once. */
    @EventListener
    void on(ChargebackNotice notice) {
        UUID tenant = parseUuid(notice.merchantId());
        if (tenant == null) {
            log.warn("Chargeback {} names no Lapak merchant", notice.reference());
            return;
        }
        AuditActor actor = CurrentUser.find().map(AuditActor::of).orElseGet(() -> AuditActor.system("acquirer"));
        actor.runAs(() ->
                TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(s -> record(tenant, notice))));
    }

    private void record(UUID tenant, ChargebackNotice notice) {
        OperationKind kind = notice.reversal() ? OperationKind.CHARGEBACK_REVERSAL : OperationKind.CHARGEBACK;
        Timestamp at = Timestamp.from(notice.occurredAt());
        Optional<UUID> sale = jdbc.sql("""
                        insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor,
                            response_code, gateway_reference, message, actor, created_at, completed_at)
                        select s.tenant_id, ?, s.id, ?, 'SUCCEEDED', ?, '00', ?, ?, 'acquirer', ?, ?
                        from sale s where s.tenant_id = ? and s.gateway_reference = ?
                        on conflict (tenant_id, kind, gateway_reference)
                            where kind in ('CHARGEBACK', 'CHARGEBACK_REVERSAL') do nothing
                        returning sale_id""")
                .params(
                        UUID.randomUUID(),
                        kind.name(),
                        notice.amountMinor(),
                        notice.reference(),
                        notice.message(),
                        at,
                        at,
                        tenant,
                        notice.authorizationReference())
                .query(UUID.class)
                .optional();
        if (sale.isEmpty()) {
            return; // recorded before, or no sale of this tenant has that authorization
        }
        audit.record(
                AuditEvent.of(notice.reversal() ? "sale.chargeback_reversed" : "sale.chargeback", "Sale", sale.get())
                        .detail("amountMinor", notice.amountMinor())
                        .detail("currency", notice.currency())
                        .detail("reference", notice.reference())
                        .detail("reason", notice.message()));
    }

    private static UUID parseUuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
