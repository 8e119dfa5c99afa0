package id.lapak.billing.subscription;

import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collecting what is not paid: an open invoice past its due date (in the tenant's zone) is reminded once
 * ({@link InvoiceOverdue}, e-mailed to the tenant's admins); {@code lapak.billing.suspend-after-days} after the due
 * date the tenant is suspended through the tenant suspension (people refused at login, devices refused, audited).
 * When every invoice that suspended a tenant is paid, the tenant is reactivated — only a suspension this made.
 */
@Component
class Dunning {

    static final String ACTOR = "tenant billing";

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final TenantAdministration tenants;
    private final BillingSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Dunning(
            PlatformAccess platform,
            JdbcClient jdbc,
            TenantAdministration tenants,
            BillingSettings settings,
            AuditLog audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Open(
            UUID tenant,
            UUID id,
            String number,
            LocalDate dueOn,
            long total,
            String currency,
            boolean reminded,
            boolean suspended,
            ZoneId zone) {}

    void run(Instant now) {
        List<Open> open = platform.call(
                "tenant billing: open invoices",
                () -> jdbc.sql("""
                        select i.tenant_id, i.id, i.number, i.due_on, i.total_minor, i.currency,
                               i.reminded_at is not null, i.suspended_at is not null, t.time_zone
                        from saas_invoice i join tenant t on t.id = i.tenant_id
                        where i.status = 'OPEN' order by i.due_on""")
                        .query((rs, n) -> new Open(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                rs.getBoolean(8),
                                ZoneId.of(rs.getString(9))))
                        .list());
        for (Open invoice : open) {
            LocalDate today = LocalDate.ofInstant(now, invoice.zone());
            if (!today.isAfter(invoice.dueOn())) {
                continue;
            }
            AuditActor.system(ACTOR)
                    .runAs(() -> TenantContext.runAs(invoice.tenant(), () -> {
                        if (!invoice.reminded()) {
                            remind(invoice, now);
                        }
                        if (!invoice.suspended()
                                && !today.isBefore(invoice.dueOn().plusDays(settings.suspendAfterDays()))) {
                            suspend(invoice, now);
                        }
                    }));
        }
    }

    private void remind(Open invoice, Instant now) {
        transaction.executeWithoutResult(s -> {
            int changed = jdbc.sql("""
                            update saas_invoice set reminded_at = ?
                            where tenant_id = ? and id = ? and reminded_at is null and status = 'OPEN'""")
                    .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), invoice.tenant(), invoice.id())
                    .update();
            if (changed == 1) {
                audit.recordFor(
                        invoice.tenant(),
                        AuditEvent.of("billing.invoice.reminded", "SaasInvoice", invoice.id())
                                .detail("number", invoice.number()));
                events.publishEvent(new InvoiceOverdue(
                        invoice.tenant(),
                        invoice.id(),
                        invoice.number(),
                        invoice.dueOn(),
                        invoice.total(),
                        invoice.currency(),
                        invoice.dueOn().plusDays(settings.suspendAfterDays())));
            }
        });
    }

    private void suspend(Open invoice, Instant now) {
        // The tenant first: after a crash in between, the next run finds the invoice unmarked and marks it.
        tenants.suspendAutomatically(
                invoice.tenant(), "Invoice " + invoice.number() + " unpaid since " + invoice.dueOn(), ACTOR);
        transaction.executeWithoutResult(s -> jdbc.sql("""
                        update saas_invoice set suspended_at = ?
                        where tenant_id = ? and id = ? and suspended_at is null and status = 'OPEN'""")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), invoice.tenant(), invoice.id())
                .update());
    }

    /** After a payment: reactivates the tenant when no invoice that suspended it is still open. */
    void paid(UUID tenant) {
        boolean stillUnpaid = platform.call(
                "tenant billing: invoices behind a suspension",
                () -> jdbc.sql("""
                        select exists (select 1 from saas_invoice where tenant_id = ? and status = 'OPEN'
                                                                  and suspended_at is not null)""").param(tenant).query(Boolean.class).single());
        if (!stillUnpaid) {
            AuditActor.system(ACTOR).runAs(() -> tenants.reactivateAutomatically(tenant, "Invoices paid", ACTOR));
        }
    }
}
