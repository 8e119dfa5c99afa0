package id.lapak.billing.subscription;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support's plans: a new plan or a new price of a plan from a date (never an edit; the history explains every
 * invoice), and which plan a tenant is on from which day. Validated whole before anything is written; audited.
 */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class PlanCatalog {

    /** Above this a price is a typing mistake, not a price (Rp 100.000.000 a month, Rp 10.000.000 a device). */
    static final long MAX_MONTHLY_FEE = 100_000_000;

    static final long MAX_UNIT_FEE = 10_000_000;

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final PlanReads reads;
    private final AuditLog audit;
    private final Clock clock;

    PlanCatalog(PlatformAccess platform, JdbcClient jdbc, PlanReads reads, AuditLog audit, Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** Field → message key of every invalid field. */
    public static Map<String, String> validate(PlanForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.code() == null || !form.code().strip().matches("[A-Z][A-Z0-9_]{1,29}")) {
            errors.put("code", "billing.error.code");
        }
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 100) {
            errors.put("name", "billing.error.name");
        }
        if (form.effectiveFrom() == null) {
            errors.put("effectiveFrom", "billing.error.effectiveFrom");
        }
        if (form.currency() == null || !form.currency().matches("[A-Z]{3}")) {
            errors.put("currency", "billing.error.currency");
        }
        if (form.monthlyFeeMinor() < 0 || form.monthlyFeeMinor() > MAX_MONTHLY_FEE) {
            errors.put("monthlyFee", "billing.error.amount");
        }
        if (form.deviceFeeMinor() < 0 || form.deviceFeeMinor() > MAX_UNIT_FEE) {
            errors.put("deviceFee", "billing.error.amount");
        }
        if (form.trialDays() < 0 || form.trialDays() > 366) {
            errors.put("trialDays", "billing.error.trialDays");
        }
        if (form.interval() == null) {
            errors.put("interval", "billing.error.interval");
        }
        List<PlanForm.TierForm> tiers = form.tiers().stream()
                .sorted(Comparator.comparingLong(PlanForm.TierForm::fromCount))
                .toList();
        if (tiers.isEmpty() || tiers.getFirst().fromCount() != 0) {
            errors.put("tiers", "billing.error.tierStart");
        } else if (tiers.stream().map(PlanForm.TierForm::fromCount).distinct().count() != tiers.size()) {
            errors.put("tiers", "billing.error.tierOverlap");
        } else if (tiers.stream().anyMatch(t -> t.unitMinor() < 0 || t.unitMinor() > MAX_UNIT_FEE)) {
            errors.put("tiers", "billing.error.amount");
        }
        return errors;
    }

    /** Adds a plan, or a new price of a plan from its date; a price from the same date is an overlap, refused. */
    public void addPrice(PlanForm form) {
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            throw new BillingRefused(errors);
        }
        String code = form.code().strip();
        String by = actor();
        platform.run("tenant billing: add a plan price", () -> {
            jdbc.sql("""
                            insert into saas_plan (code, name, created_at, created_by) values (?, ?, ?, ?)
                            on conflict (code) do nothing""").params(code, form.name().strip(), now(), by).update();
            int added = jdbc.sql("""
                            insert into saas_plan_price (plan_code, effective_from, currency, monthly_fee_minor,
                                device_fee_minor, trial_days, billing_interval, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(
                            code,
                            form.effectiveFrom(),
                            form.currency(),
                            form.monthlyFeeMinor(),
                            form.deviceFeeMinor(),
                            form.trialDays(),
                            form.interval().name(),
                            now(),
                            by)
                    .update();
            if (added == 0) {
                throw new BillingRefused(Map.of("effectiveFrom", "billing.error.overlap"));
            }
            for (PlanForm.TierForm tier : form.tiers()) {
                jdbc.sql("""
                                insert into saas_plan_tier (plan_code, effective_from, from_count, unit_minor)
                                values (?, ?, ?, ?)""")
                        .params(code, form.effectiveFrom(), tier.fromCount(), tier.unitMinor())
                        .update();
            }
            audit.recordFor(
                    null,
                    AuditEvent.of("billing.plan.price", "SaasPlan", code)
                            .detail("effectiveFrom", form.effectiveFrom())
                            .detail("monthlyFeeMinor", form.monthlyFeeMinor())
                            .detail("deviceFeeMinor", form.deviceFeeMinor())
                            .detail("trialDays", form.trialDays())
                            .detail("interval", form.interval())
                            .detail("tiers", form.tiers().toString()));
        });
    }

    /** Every plan's current and future prices, by plan code, latest first. */
    public List<PlanPrice> prices() {
        return platform.call(
                "tenant billing: read plans",
                () -> reads.prices().values().stream()
                        .flatMap(h -> h.descendingMap().values().stream())
                        .sorted(Comparator.comparing(PlanPrice::planCode)
                                .thenComparing(PlanPrice::effectiveFrom, Comparator.reverseOrder()))
                        .toList());
    }

    /**
     * Puts a tenant on a plan from a day. A day before a billed period's end is allowed: the next billing run bills
     * the difference as a correction. A second change from the same day is an overlap, refused.
     */
    public void subscribe(UUID tenant, String planCode, LocalDate from) {
        if (from == null) {
            throw new BillingRefused(Map.of("effectiveFrom", "billing.error.effectiveFrom"));
        }
        String by = actor();
        platform.run("tenant billing: put a tenant on a plan", () -> {
            boolean exists = jdbc.sql("select exists (select 1 from saas_plan_price where plan_code = ?)")
                    .param(planCode)
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw new BillingRefused(Map.of("plan", "billing.error.plan"));
            }
            boolean tenantExists = jdbc.sql("select exists (select 1 from tenant where id = ?)")
                    .param(tenant)
                    .query(Boolean.class)
                    .single();
            if (!tenantExists) {
                throw new BillingRefused(Map.of("tenant", "billing.error.tenant"));
            }
            int added = jdbc.sql("""
                            insert into tenant_subscription (tenant_id, effective_from, plan_code, recorded_at,
                                recorded_by) values (?, ?, ?, ?, ?) on conflict do nothing""").params(tenant, from, planCode, now(), by).update();
            if (added == 0) {
                throw new BillingRefused(Map.of("effectiveFrom", "billing.error.overlap"));
            }
            audit.recordFor(
                    tenant,
                    AuditEvent.of("billing.plan.subscribed", "Tenant", tenant)
                            .detail("plan", planCode)
                            .detail("effectiveFrom", from));
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String actor() {
        return CurrentUser.find().map(u -> "support " + u.username()).orElse("support");
    }
}
