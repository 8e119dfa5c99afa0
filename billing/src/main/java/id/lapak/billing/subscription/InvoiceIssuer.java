package id.lapak.billing.subscription;

import id.lapak.billing.settlement.InvoiceDeductions;
import id.lapak.billing.subscription.InvoiceLine.LineKind;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bills one tenant for one period, in the caller's transaction and tenant context. The tenant is locked for the
 * transaction, so a second run (another node, another thread) waits and then finds the invoice; the unique key per
 * (tenant, period) is the last word either way. First run: the invoice. Later runs: the period is computed again
 * and compared line by line with what its invoice and notes already say; nothing changed → nothing written; else
 * one note carrying only the differences (a credit note when it lowers the total, a debit note otherwise).
 */
@Component
class InvoiceIssuer {

    enum Result {
        ISSUED,
        CORRECTED,
        UNCHANGED,
        NOTHING_TO_BILL
    }

    static final ZoneId NUMBERING_ZONE = ZoneId.of("Asia/Jakarta");

    /** Inserts one invoice, credit note or debit note. */
    private static final String INSERT_INVOICE = """
            insert into saas_invoice (tenant_id, id, number, kind, period, corrects, currency,
                subtotal_minor, ppn_bp, ppn_minor, total_minor, issued_at, due_on, status, paid_at, paid_by,
                paid_reference, note)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final PlanReads plans;
    private final UsageReader usage;
    private final InvoiceNumbers numbers;
    private final BillingSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final InvoiceDeductions deductions;

    InvoiceIssuer(
            JdbcClient jdbc,
            PlanReads plans,
            UsageReader usage,
            InvoiceNumbers numbers,
            BillingSettings settings,
            AuditLog audit,
            ApplicationEventPublisher events,
            InvoiceDeductions deductions) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.usage = usage;
        this.numbers = numbers;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.deductions = deductions;
    }

    /** What {@code period} costs with the usage recorded up to {@code until}. */
    InvoiceDraft draft(UUID tenant, BillingPeriod period, Instant until) {
        UsageReader.Usage used = usage.usage(tenant, period, until);
        return InvoiceCalculator.draft(
                period,
                PlanReads.dayPlans(period, plans.subscriptions(tenant), plans.prices()),
                used.activeDevices(),
                used.transactions(),
                settings.ppnBasisPoints());
    }

    Result bill(UUID tenant, BillingPeriod period, Instant now) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('saas-billing:' || ?, 0))) x")
                .param(tenant.toString())
                .query(Integer.class)
                .single();
        InvoiceDraft draft = draft(tenant, period, period.end());
        if (draft.chargeLines().isEmpty()) {
            return Result.NOTHING_TO_BILL;
        }
        UUID invoice = jdbc.sql("select id from saas_invoice where tenant_id = ? and period = ? and kind = 'INVOICE'")
                .params(tenant, period.firstDay())
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (invoice == null) {
            write(tenant, period, "INVOICE", null, draft.lines(), draft.ppnBasisPoints(), draft.currency(), now, null);
            return Result.ISSUED;
        }
        List<InvoiceLine> diff = difference(draft.lines(), billed(tenant, period));
        if (diff.isEmpty()) {
            return Result.UNCHANGED;
        }
        long total = diff.stream().mapToLong(InvoiceLine::amountMinor).sum();
        write(
                tenant,
                period,
                total < 0 ? "CREDIT_NOTE" : "DEBIT_NOTE",
                invoice,
                diff,
                draft.ppnBasisPoints(),
                draft.currency(),
                now,
                null);
        return Result.CORRECTED;
    }

    /** What the period's invoice and notes say together, per line key: quantity and amount. */
    private Map<String, InvoiceLine> billed(UUID tenant, BillingPeriod period) {
        Map<String, InvoiceLine> billed = new HashMap<>();
        jdbc.sql("""
                        select l.kind, l.line_key, sum(l.quantity), max(l.unit_minor), sum(l.amount_minor)
                        from saas_invoice_line l
                        join saas_invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
                        where i.tenant_id = ? and i.period = ? and l.line_key not like 'CREDIT:%'
                        group by l.kind, l.line_key""")
                .params(tenant, period.firstDay())
                .query((rs, n) -> billed.put(
                        rs.getString(2),
                        new InvoiceLine(
                                LineKind.valueOf(rs.getString(1)),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5))))
                .list();
        return billed;
    }

    static List<InvoiceLine> difference(List<InvoiceLine> proposed, Map<String, InvoiceLine> billed) {
        Map<String, InvoiceLine> now = new HashMap<>();
        proposed.forEach(l -> now.put(l.key(), l));
        Set<String> keys = new LinkedHashSet<>();
        proposed.forEach(l -> keys.add(l.key()));
        keys.addAll(billed.keySet());
        List<InvoiceLine> diff = new ArrayList<>();
        for (String key : keys) {
            InvoiceLine p = now.get(key);
            InvoiceLine b = billed.get(key);
            long amount = (p == null ? 0 : p.amountMinor()) - (b == null ? 0 : b.amountMinor());
            long quantity = (p == null ? 0 : p.quantity()) - (b == null ? 0 : b.quantity());
            if (amount != 0 || (quantity != 0 && !key.equals("PPN"))) {
                InvoiceLine like = p != null ? p : b;
                diff.add(new InvoiceLine(
                        like.kind(), key, key.equals("PPN") ? like.quantity() : quantity, like.unitMinor(), amount));
            }
        }
        boolean onlyPpn = diff.stream().allMatch(l -> l.kind() == LineKind.PPN);
        return onlyPpn && diff.stream().mapToLong(InvoiceLine::amountMinor).sum() == 0 ? List.of() : diff;
    }

    /**
     * Writes one document with the next number of its series. An invoice or debit note of a tenant paid from its
     * payouts is deducted at once and is paid; a credit note of a deducted invoice gives its amount back the same
     * way; a credit note that leaves nothing of an open invoice to pay closes it as credited.
     */
    UUID write(
            UUID tenant,
            BillingPeriod period,
            String kind,
            UUID corrects,
            List<InvoiceLine> lines,
            long ppnBp,
            String currency,
            Instant now,
            String note) {
        long subtotal = sum(lines, false);
        long ppn = sum(lines, true);
        long total = subtotal + ppn;
        long remaining = corrects == null ? 0 : remainingAfter(tenant, period, total);
        LocalDate issuedOn = LocalDate.ofInstant(now, NUMBERING_ZONE);
        String number = numbers.next(series(kind), issuedOn);
        UUID id = UUID.randomUUID();
        boolean deduct = !kind.equals("CREDIT_NOTE") && total > 0 && deductions.collectsFromPayouts(tenant);
        String status = kind.equals("CREDIT_NOTE") ? "CREDITED" : total == 0 || deduct ? "PAID" : "OPEN";
        String paidBy = deduct ? InvoiceRow.PAID_FROM_PAYOUTS : total == 0 ? "nothing to pay" : null;
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql(INSERT_INVOICE)
                .params(
                        tenant,
                        id,
                        number,
                        kind,
                        period.firstDay(),
                        new SqlParameterValue(Types.OTHER, corrects),
                        currency,
                        subtotal,
                        ppnBp,
                        ppn,
                        total,
                        at,
                        LocalDate.ofInstant(now, period.zone()).plusDays(settings.paymentDays()),
                        status,
                        status.equals("PAID") ? at : null,
                        paidBy,
                        deduct ? InvoiceRow.PAID_FROM_PAYOUTS : null,
                        note)
                .update();
        writeLines(tenant, id, lines);
        AuditEvent issued = AuditEvent.of("billing.invoice.issued", "SaasInvoice", id)
                .detail("number", number)
                .detail("kind", kind)
                .detail("period", period.month())
                .detail("totalMinor", total);
        audit.recordFor(tenant, note == null ? issued : issued.detail("reason", note));
        if (deduct) {
            deductions.settle(tenant, id, number, total, currency, now, BillingRun.ACTOR);
        } else if (corrects != null && kind.equals("CREDIT_NOTE")) {
            credit(tenant, corrects, id, number, total, currency, now, remaining);
        }
        events.publishEvent(new InvoiceIssued(tenant, id, number, kind, total, currency));
        return id;
    }

    /** The sum of the PPN lines ({@code ppn}) or of all the other lines. */
    private static long sum(List<InvoiceLine> lines, boolean ppn) {
        return lines.stream()
                .filter(l -> (l.kind() == LineKind.PPN) == ppn)
                .mapToLong(InvoiceLine::amountMinor)
                .sum();
    }

    /** The number series of a document kind. */
    private static String series(String kind) {
        return switch (kind) {
            case "CREDIT_NOTE" -> "CN";
            case "DEBIT_NOTE" -> "DN";
            default -> "INV";
        };
    }

    /**
     * A credit note's effect on the invoice it corrects: given back through the payouts when that invoice was
     * deducted from them, else the invoice is closed as credited when nothing of it remains to pay.
     */
    private void credit(
            UUID tenant,
            UUID corrects,
            UUID id,
            String number,
            long total,
            String currency,
            Instant now,
            long remaining) {
        if (deductions.deducted(tenant, corrects)) {
            deductions.settle(tenant, id, number, total, currency, now, BillingRun.ACTOR);
        } else if (remaining == 0) {
            jdbc.sql("update saas_invoice set status = 'CREDITED' where tenant_id = ? and id = ? and status = 'OPEN'")
                    .params(tenant, corrects)
                    .update();
        }
    }

    /** What the period's documents come to with a correction of {@code total}; a credit may not go below zero. */
    private long remainingAfter(UUID tenant, BillingPeriod period, long total) {
        long before = jdbc.sql("""
                        select coalesce(sum(total_minor), 0) from saas_invoice where tenant_id = ? and period = ?""")
                .params(tenant, period.firstDay())
                .query(Long.class)
                .single();
        if (before + total < 0) {
            throw BillingRefused.of("billing.error.creditExceedsInvoice");
        }
        return before + total;
    }

    private void writeLines(UUID tenant, UUID id, List<InvoiceLine> lines) {
        int no = 0;
        for (InvoiceLine l : lines) {
            jdbc.sql("""
                            insert into saas_invoice_line (tenant_id, invoice_id, line_no, kind, line_key, quantity,
                                unit_minor, amount_minor) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant, id, ++no, l.kind().name(), l.key(), l.quantity(), l.unitMinor(), l.amountMinor())
                    .update();
        }
    }
}
