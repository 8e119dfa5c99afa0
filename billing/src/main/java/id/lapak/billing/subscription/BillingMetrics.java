package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Support's overview: monthly and annual recurring revenue from the platform fees of the plans tenants are on today,
 * tenants per plan, and revenue invoiced per month (before PPN, notes included).
 */
public record BillingMetrics(Money mrr, Money arr, Map<String, Long> tenantsPerPlan, List<MonthRevenue> revenue) {

    public record MonthRevenue(YearMonth month, Money revenue) {}
}
