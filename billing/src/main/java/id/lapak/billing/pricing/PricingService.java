package id.lapak.billing.pricing;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support's pricing work: a tenant's plans (a change is a new plan applying from a date, never an edit, so every
 * past fee is explained by the plan it used) and the holiday calendar. Through the named platform path, audited.
 */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class PricingService {

    static final Set<String> BRANDS = Set.of("VISA", "MASTERCARD", "JCB", "AMEX", "UNIONPAY", "GPN", "QRIS");

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    PricingService(PlatformAccess platform, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Field → message key of every invalid field of a plan. */
    public static Map<String, String> validate(PlanForm form, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.effectiveFrom() == null || form.effectiveFrom().isBefore(today)) {
            errors.put("effectiveFrom", "pricing.error.effectiveFrom");
        }
        if (form.minimumFeeMinor() < 0) {
            errors.put("minimumFee", "pricing.error.negative");
        }
        if (form.ppnBasisPoints() < 0 || form.ppnBasisPoints() > 10_000) {
            errors.put("ppn", "pricing.error.rate");
        }
        form.rates().forEach((brand, rate) -> {
            if (!BRANDS.contains(brand)) {
                errors.put(brand, "pricing.error.brand");
            } else if (rate.rateBasisPoints() < 0 || rate.rateBasisPoints() > 10_000) {
                errors.put(brand + ".rate", "pricing.error.rate");
            } else if (rate.fixedMinor() < 0) {
                errors.put(brand + ".fixed", "pricing.error.negative");
            }
        });
        return errors;
    }

    /** Adds a plan for {@code tenant} applying from its date (today or later). */
    public UUID addPlan(UUID tenant, PlanForm form) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(7));
        Map<String, String> errors = validate(form, today);
        if (!errors.isEmpty()) {
            throw new PricingRefused(errors);
        }
        return platform.call("pricing: add a plan", () -> {
            UUID plan = UUID.randomUUID();
            jdbc.sql("""
                            insert into pricing_plan (tenant_id, id, effective_from, currency, min_fee_minor, ppn_bp,
                                recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            tenant,
                            plan,
                            form.effectiveFrom(),
                            form.currency(),
                            form.minimumFeeMinor(),
                            form.ppnBasisPoints(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                            actor())
                    .update();
            AuditEvent event = AuditEvent.of("pricing.plan", "PricingPlan", plan)
                    .detail("effectiveFrom", form.effectiveFrom())
                    .detail("minimumFeeMinor", form.minimumFeeMinor())
                    .detail("ppnBasisPoints", form.ppnBasisPoints());
            for (Map.Entry<String, PlanForm.BrandRate> rate : form.rates().entrySet()) {
                jdbc.sql(
                                "insert into pricing_rate (tenant_id, plan_id, brand, rate_bp, fixed_minor) values (?, ?, ?, ?, ?)")
                        .params(
                                tenant,
                                plan,
                                rate.getKey(),
                                rate.getValue().rateBasisPoints(),
                                rate.getValue().fixedMinor())
                        .update();
                event = event.detail(
                        rate.getKey(),
                        rate.getValue().rateBasisPoints() + " bp + "
                                + rate.getValue().fixedMinor());
            }
            auditLog.recordFor(tenant, event);
            return plan;
        });
    }

    /** A tenant's plans, the latest effective first: the whole history, nothing is ever edited. */
    public List<PlanRow> plans(UUID tenant) {
        return platform.call("pricing: read a tenant's plans", () -> readPlans(tenant));
    }

    /** The merchant admin's own plans (read-only), the latest effective first. */
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    @Transactional(readOnly = true)
    public List<PlanRow> ownPlans() {
        return readPlans(TenantContext.requireTenant());
    }

    private List<PlanRow> readPlans(UUID tenant) {
        Map<UUID, Map<String, PlanForm.BrandRate>> rates = new HashMap<>();
        jdbc.sql("select plan_id, brand, rate_bp, fixed_minor from pricing_rate where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> rates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                        .put(rs.getString(2), new PlanForm.BrandRate(rs.getLong(3), rs.getLong(4))))
                .list();
        return jdbc.sql("""
                        select id, effective_from, currency, min_fee_minor, ppn_bp, recorded_at, recorded_by
                        from pricing_plan where tenant_id = ? order by effective_from desc, recorded_at desc""")
                .param(tenant)
                .query((rs, n) -> new PlanRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getString(7),
                        Map.copyOf(rates.getOrDefault(rs.getObject(1, UUID.class), Map.of()))))
                .list();
    }

    /** The fee rule of a tenant's brand on a day, if the tenant has a plan by then. */
    public Optional<FeeRule> ruleOn(UUID tenant, LocalDate day, String brand) {
        return platform.call(
                "pricing: read a plan",
                () -> jdbc.sql("""
                        select coalesce(r.rate_bp, 0), coalesce(r.fixed_minor, 0), p.min_fee_minor, p.ppn_bp, p.currency
                        from pricing_plan p
                        left join pricing_rate r on r.tenant_id = p.tenant_id and r.plan_id = p.id and r.brand = ?
                        where p.tenant_id = ? and p.effective_from <= ?
                        order by p.effective_from desc, p.recorded_at desc limit 1""")
                        .params(brand, tenant, day)
                        .query((rs, n) -> new FeeRule(
                                rs.getLong(1),
                                Money.of(rs.getLong(2), rs.getString(5)),
                                Money.of(rs.getLong(3), rs.getString(5)),
                                rs.getLong(4)))
                        .optional());
    }

    /** Adds or renames a holiday of the current or next two years. */
    public void saveHoliday(LocalDate day, String name, boolean collectiveLeave) {
        Map<String, String> errors = new LinkedHashMap<>();
        int year = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(7)).getYear();
        if (day == null || day.getYear() < year || day.getYear() > year + 2) {
            errors.put("day", "holiday.error.year");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.put("name", "holiday.error.name");
        }
        if (!errors.isEmpty()) {
            throw new PricingRefused(errors);
        }
        platform.run("holiday calendar: save a day", () -> {
            jdbc.sql("""
                            insert into holiday (day, name, collective_leave, source, updated_at, updated_by)
                            values (?, ?, ?, 'support', ?, ?)
                            on conflict (day) do update set name = excluded.name,
                                collective_leave = excluded.collective_leave, source = excluded.source,
                                updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                    .params(
                            day,
                            name.strip(),
                            collectiveLeave,
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                            actor())
                    .update();
            auditLog.recordFor(
                    null,
                    AuditEvent.of("holiday.save", "Holiday", day)
                            .detail("name", name.strip())
                            .detail("collectiveLeave", collectiveLeave));
        });
    }

    /** Removes a day from the holiday calendar. */
    public void removeHoliday(LocalDate day) {
        platform.run("holiday calendar: remove a day", () -> {
            if (jdbc.sql("delete from holiday where day = ?").param(day).update() > 0) {
                auditLog.recordFor(null, AuditEvent.of("holiday.remove", "Holiday", day));
            }
        });
    }

    /** The calendar of a year. */
    public List<Map.Entry<LocalDate, String>> holidays(int year) {
        return platform.call(
                "holiday calendar: read",
                () -> jdbc.sql("select day, name from holiday where day between ? and ? order by day")
                        .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                        .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2)))
                        .list());
    }

    private static String actor() {
        return CurrentUser.find().map(u -> "support " + u.username()).orElse("support");
    }
}
