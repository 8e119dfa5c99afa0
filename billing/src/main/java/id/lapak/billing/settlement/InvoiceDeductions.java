package id.lapak.billing.settlement;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.ledger.LedgerKind;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lapak's own invoices to a merchant, paid from the merchant's settled money: an invoice or debit note of a tenant
 * with an active payout account becomes a negative ledger adjustment naming it (a credit note of a deducted invoice
 * a positive one), posted against {@link LedgerAccount#LAPAK_INVOICES}. The next business day closed puts it into
 * that day's batch, so the statement lists it and the payout is that much smaller; a day whose sales do not cover
 * it carries the rest into the next batch, as a refund larger than a day's sales does. Once per document (the
 * database's unique key). Runs in the caller's transaction and tenant context; the caller decides who may.
 */
@Component
public class InvoiceDeductions {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AuditLog audit;

    InvoiceDeductions(JdbcClient jdbc, Ledger ledger, AuditLog audit) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** Whether the tenant's documents are paid from its payouts: it has an active payout account. */
    public boolean collectsFromPayouts(UUID tenant) {
        return jdbc.sql("select exists (select 1 from payout_account where tenant_id = ? and active)")
                .param(tenant)
                .query(Boolean.class)
                .single();
    }

    /** Whether {@code document} was deducted from (or given back through) the payouts. */
    public boolean deducted(UUID tenant, UUID document) {
        return jdbc.sql("select exists (select 1 from ledger_adjustment where tenant_id = ? and saas_invoice_id = ?)")
                .params(tenant, document)
                .query(Boolean.class)
                .single();
    }

    /**
     * Takes {@code amountMinor} (positive: an invoice) from the merchant, or gives it back (negative: a credit
     * note), for {@code document}; false when this document was already settled this way.
     */
    public boolean settle(
            UUID tenant, UUID document, String number, long amountMinor, String currency, Instant now, String actor) {
        if (amountMinor == 0) {
            return false;
        }
        UUID id = UUID.randomUUID();
        String reason = "Lapak " + number;
        int inserted = jdbc.sql("""
                        insert into ledger_adjustment (tenant_id, id, currency, amount_minor, reason, created_at,
                            created_by, saas_invoice_id) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, saas_invoice_id) where saas_invoice_id is not null do nothing""")
                .params(tenant, id, currency, -amountMinor, reason, DayClose.time(now), actor, document)
                .update();
        if (inserted == 0) {
            return false;
        }
        ledger.post(
                tenant,
                LedgerKind.ADJUSTMENT,
                id,
                currency,
                now,
                actor,
                reason,
                List.of(
                        new Ledger.Entry(LedgerAccount.LAPAK_INVOICES, -amountMinor),
                        new Ledger.Entry(LedgerAccount.MERCHANT_PENDING, amountMinor)));
        audit.recordFor(
                tenant,
                AuditEvent.of("billing.invoice.deducted", "SaasInvoice", document)
                        .detail("number", number)
                        .detail("amountMinor", amountMinor)
                        .detail("currency", currency));
        return true;
    }
}
