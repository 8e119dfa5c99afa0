package id.lapak.billing.subscription;

import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing run (see {@link BillingSchedule}): for every tenant with a plan, in its own context, every billing
 * period from its first plan's month to the last month that has ended in the tenant's zone — each period in its
 * own transaction ({@link InvoiceIssuer}) — so months missed during downtime are billed by the next run, and a
 * rerun writes nothing or only corrections. Then collecting ({@link Dunning}). One tenant's failure is logged and
 * does not stop the others.
 * <p>
 * A job's work, run by its schedule and by tests without a person, so a component rather than a service behind a
 * role check: every tenant it touches is entered through the named platform path.
 */
@Component
public class BillingRun {

    /** What a run did. */
    public record Outcome(int tenants, int issued, int corrected, int failures) {}

    static final String ACTOR = "tenant billing";
    private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final InvoiceIssuer issuer;
    private final Dunning dunning;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BillingRun(
            PlatformAccess platform,
            JdbcClient jdbc,
            InvoiceIssuer issuer,
            Dunning dunning,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.dunning = dunning;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Outcome runDue() {
        return runDue(clock.instant());
    }

    /** Bills every tenant for every period ended by {@code now}, then reminds and suspends. */
    public Outcome runDue(Instant now) {
        List<UUID> tenants = platform.call(
                "tenant billing: list tenants with a plan",
                () -> jdbc.sql("select distinct tenant_id from tenant_subscription order by tenant_id")
                        .query(UUID.class)
                        .list());
        int issued = 0;
        int corrected = 0;
        int failures = 0;
        for (UUID tenant : tenants) {
            try {
                Outcome one = bill(tenant, now);
                issued += one.issued();
                corrected += one.corrected();
            } catch (RuntimeException e) {
                failures++;
                log.error(
                        "Tenant billing: tenant {} could not be billed ({})",
                        tenant,
                        e.getClass().getSimpleName(),
                        e);
            }
        }
        dunning.run(now);
        if (issued > 0 || corrected > 0 || failures > 0) {
            log.info("Tenant billing: {} invoices, {} corrections, {} tenants failed", issued, corrected, failures);
        }
        return new Outcome(tenants.size(), issued, corrected, failures);
    }

    /** Bills one tenant for every period ended by {@code now}, oldest first. */
    public Outcome bill(UUID tenant, Instant now) {
        return AuditActor.system(ACTOR)
                .callAs(() -> TenantContext.callAs(tenant, () -> {
                    record Start(ZoneId zone, LocalDate first) {}
                    Start start = transaction.execute(s -> jdbc.sql("""
                            select t.time_zone, (select min(effective_from) from tenant_subscription s
                                                 where s.tenant_id = t.id)
                            from tenant t where t.id = ?""")
                            .param(tenant)
                            .query((rs, n) -> new Start(ZoneId.of(rs.getString(1)), rs.getObject(2, LocalDate.class)))
                            .single());
                    int issued = 0;
                    int corrected = 0;
                    if (start.first() == null) {
                        return new Outcome(1, 0, 0, 0);
                    }
                    for (BillingPeriod period = new BillingPeriod(YearMonth.from(start.first()), start.zone());
                            period.endedBy(now);
                            period = period.next()) {
                        BillingPeriod p = period;
                        InvoiceIssuer.Result result = transaction.execute(s -> issuer.bill(tenant, p, now));
                        if (result == InvoiceIssuer.Result.ISSUED) {
                            issued++;
                        } else if (result == InvoiceIssuer.Result.CORRECTED) {
                            corrected++;
                        }
                    }
                    return new Outcome(1, issued, corrected, 0);
                }));
    }
}
