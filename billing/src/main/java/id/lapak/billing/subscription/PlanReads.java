package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads plans, their prices and a tenant's subscriptions, and answers "which plan on which day". Plans are platform
 * data (readable in any context); subscriptions are read in the caller's tenant or platform transaction.
 */
@Component
class PlanReads {

    /** A tenant's change of plan from a day on. */
    record Subscription(LocalDate effectiveFrom, String planCode) {}

    private final JdbcClient jdbc;

    PlanReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every price of every plan, by plan code, by effective date. */
    Map<String, NavigableMap<LocalDate, PlanPrice>> prices() {
        Map<String, List<PlanPrice.Tier>> tiers = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        jdbc.sql("select plan_code, effective_from, currency from saas_plan_price")
                .query((rs, n) ->
                        currencies.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list();
        jdbc.sql("select plan_code, effective_from, from_count, unit_minor from saas_plan_tier order by from_count")
                .query((rs, n) -> {
                    String key = rs.getString(1) + "/" + rs.getObject(2, LocalDate.class);
                    return tiers.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new PlanPrice.Tier(rs.getLong(3), Money.of(rs.getLong(4), currencies.get(key))));
                })
                .list();
        Map<String, NavigableMap<LocalDate, PlanPrice>> prices = new HashMap<>();
        jdbc.sql("""
                        select p.plan_code, s.name, p.effective_from, p.currency, p.monthly_fee_minor,
                               p.device_fee_minor, p.trial_days, p.billing_interval
                        from saas_plan_price p join saas_plan s on s.code = p.plan_code""")
                .query((rs, n) -> {
                    LocalDate from = rs.getObject(3, LocalDate.class);
                    String currency = rs.getString(4);
                    PlanPrice price = new PlanPrice(
                            rs.getString(1),
                            rs.getString(2),
                            from,
                            Money.of(rs.getLong(5), currency),
                            Money.of(rs.getLong(6), currency),
                            rs.getInt(7),
                            PlanInterval.valueOf(rs.getString(8)),
                            tiers.getOrDefault(rs.getString(1) + "/" + from, List.of()));
                    return prices.computeIfAbsent(price.planCode(), k -> new TreeMap<>())
                            .put(from, price);
                })
                .list();
        return prices;
    }

    /** A tenant's subscriptions, oldest first. */
    List<Subscription> subscriptions(UUID tenant) {
        return jdbc.sql("""
                        select effective_from, plan_code from tenant_subscription where tenant_id = ?
                        order by effective_from""")
                .param(tenant)
                .query((rs, n) -> new Subscription(rs.getObject(1, LocalDate.class), rs.getString(2)))
                .list();
    }

    /** The plan of each day of {@code period} for a tenant with these subscriptions (null before the first). */
    static List<InvoiceCalculator.DayPlan> dayPlans(
            BillingPeriod period,
            List<Subscription> subscriptions,
            Map<String, NavigableMap<LocalDate, PlanPrice>> prices) {
        List<InvoiceCalculator.DayPlan> days = new ArrayList<>();
        if (subscriptions.isEmpty()) {
            period.dayList().forEach(d -> days.add(null));
            return days;
        }
        LocalDate first = subscriptions.getFirst().effectiveFrom();
        PlanPrice firstPrice = priceOn(prices, subscriptions.getFirst().planCode(), first);
        LocalDate trialEnds = first.plusDays(firstPrice == null ? 0 : firstPrice.trialDays());
        for (LocalDate day : period.dayList()) {
            Subscription on = null;
            LocalDate since = null;
            for (Subscription s : subscriptions) {
                if (s.effectiveFrom().isAfter(day)) {
                    break;
                }
                if (on == null || !on.planCode().equals(s.planCode())) {
                    since = s.effectiveFrom();
                }
                on = s;
            }
            PlanPrice price = on == null ? null : priceOn(prices, on.planCode(), day);
            days.add(price == null ? null : new InvoiceCalculator.DayPlan(price, since, day.isBefore(trialEnds)));
        }
        return days;
    }

    static PlanPrice priceOn(Map<String, NavigableMap<LocalDate, PlanPrice>> prices, String code, LocalDate day) {
        NavigableMap<LocalDate, PlanPrice> history = prices.get(code);
        var entry = history == null ? null : history.floorEntry(day);
        return entry == null ? null : entry.getValue();
    }
}
