package id.lapak.demo;

import id.lapak.billing.subscription.BillingRun;
import id.lapak.tenant.context.PlatformAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo tenants' plans: each on a plan since the first day of the month three months ago, billed at once, so
 * the plan page and support's billing page show invoices from the start. Rerunning changes nothing.
 */
final class DemoBilling {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final BillingRun run;

    DemoBilling(PlatformAccess platform, JdbcClient jdbc, BillingRun run) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.run = run;
    }

    void seed(UUID tenant, String plan, Instant now) {
        LocalDate from = LocalDate.ofInstant(now, JAKARTA).withDayOfMonth(1).minusMonths(3);
        platform.run(
                "demo data: plan",
                () -> jdbc.sql("""
                        insert into tenant_subscription (tenant_id, effective_from, plan_code, recorded_at, recorded_by)
                        select ?, ?, ?, now(), 'demo data'
                        where not exists (select 1 from tenant_subscription where tenant_id = ?)""").params(tenant, from, plan, tenant).update());
        run.bill(tenant, now);
    }
}
