package id.lapak.reports;

import id.lapak.billing.sale.SaleStatus;
import id.lapak.reports.ActivityReports.MoneyBack;
import id.lapak.reports.ActivityReports.OfflinePayment;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.money.Money;
import id.lapak.ui.PortalDates;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The list reports ({@link ReportKind#REFUNDS}, {@link ReportKind#OFFLINE}) as {@link ReportTable}s in the reader's
 * language: every time in its store's zone, every kind, status and refusal in words, and a totals row with the
 * money.
 */
@Component
class ActivityTables {

    private final ActivityReports activity;
    private final TenantDirectory tenants;

    ActivityTables(ActivityReports activity, TenantDirectory tenants) {
        this.activity = activity;
        this.tenants = tenants;
    }

    /** Refunds and voids: refunded money and released holds in their own columns, each with its reason and actor. */
    ReportTable refunds(
            String title, List<String> filters, Function<String, String> labels, Locale locale, ReportFilter filter) {
        Currency currency = tenants.current().currency();
        DateTimeFormatter time = PortalDates.dateTime(locale, ZoneOffset.UTC);
        List<String> columns = List.of(
                labels.apply("report.column.when"),
                labels.apply("report.column.store"),
                labels.apply("report.column.device"),
                labels.apply("report.column.refunded"),
                labels.apply("report.column.voided"),
                labels.apply("report.column.reason"),
                labels.apply("report.column.by"));
        List<List<Object>> rows = new ArrayList<>();
        long refunded = 0;
        long voided = 0;
        for (MoneyBack m : activity.refundsAndVoids(filter)) {
            boolean refund = m.kind().equals("REFUND");
            Money amount = Money.of(m.amountMinor(), m.currency());
            Money none = Money.of(0, m.currency());
            rows.add(List.of(
                    time.withZone(m.zone()).format(m.at()),
                    m.storeName(),
                    m.deviceName(),
                    refund ? amount : none,
                    refund ? none : amount,
                    m.reason() == null ? "" : m.reason(),
                    m.actor()));
            refunded += refund ? m.amountMinor() : 0;
            voided += refund ? 0 : m.amountMinor();
        }
        List<Object> totals = List.of(
                labels.apply("report.total"), "", "", Money.of(refunded, currency), Money.of(voided, currency), "", "");
        return new ReportTable(ReportKind.REFUNDS.name(), title, filters, columns, rows, totals);
    }

    /** Offline payments: device time, upload time and the delay between, the outcome in words, approved money. */
    ReportTable offline(
            String title, List<String> filters, Function<String, String> labels, Locale locale, ReportFilter filter) {
        Currency currency = tenants.current().currency();
        DateTimeFormatter time = PortalDates.dateTime(locale, ZoneOffset.UTC);
        List<String> columns = List.of(
                labels.apply("report.column.soldAt"),
                labels.apply("report.column.uploadedAt"),
                labels.apply("report.column.delay"),
                labels.apply("report.column.store"),
                labels.apply("report.column.device"),
                labels.apply("report.column.outcome"),
                labels.apply("report.column.approvedAmount"));
        List<List<Object>> rows = new ArrayList<>();
        long approved = 0;
        for (OfflinePayment p : activity.offlinePayments(filter)) {
            boolean declined =
                    p.declineReason() != null || !SaleStatus.valueOf(p.status()).approved();
            String outcome = labels.apply("sales.status." + p.status())
                    + (p.declineReason() == null ? "" : " · " + labels.apply("sales.decline." + p.declineReason()));
            rows.add(List.of(
                    time.withZone(p.zone()).format(p.soldAt()),
                    time.withZone(p.zone()).format(p.receivedAt()),
                    delay(Duration.between(p.soldAt(), p.receivedAt()), labels),
                    p.storeName(),
                    p.deviceName(),
                    outcome,
                    Money.of(declined ? 0 : p.amountMinor(), p.currency())));
            approved += declined ? 0 : p.amountMinor();
        }
        List<Object> totals = List.of(labels.apply("report.total"), "", "", "", "", "", Money.of(approved, currency));
        return new ReportTable(ReportKind.OFFLINE.name(), title, filters, columns, rows, totals);
    }

    /** How long after the sale the device uploaded it: minutes, or hours and minutes. */
    static String delay(Duration delay, Function<String, String> labels) {
        long minutes = Math.max(0, delay.toMinutes());
        return minutes < 60
                ? labels.apply("report.delay.minutes").replace("{0}", Long.toString(minutes))
                : labels.apply("report.delay.hours")
                        .replace("{0}", Long.toString(minutes / 60))
                        .replace("{1}", Long.toString(minutes % 60));
    }
}
