package id.lapak.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.PayoutRow;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.reports.ReportService;
import id.lapak.reports.SalesDashboard;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreCounts;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.ZoneNames;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/** Shows only true figures: the tenant's own details and its store counts from the database. */
@Route("")
@PageTitle("Lapak")
@PermitAll
class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    private final TenantDirectory tenants;
    private final StoreService stores;
    private final ReportService reports;
    private final StockService stock;
    private final DeviceAlerts alerts;
    private final SettlementService settlement;
    private final SalesService sales;

    DashboardView(
            TenantDirectory tenants,
            StoreService stores,
            ReportService reports,
            StockService stock,
            DeviceAlerts alerts,
            SettlementService settlement,
            SalesService sales) {
        this.sales = sales;
        this.tenants = tenants;
        this.stores = stores;
        this.reports = reports;
        this.stock = stock;
        this.alerts = alerts;
        this.settlement = settlement;
        setId("dashboard");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LapakUser user = CurrentUser.require();
        if (user.tenantId().isEmpty()) {
            event.forwardTo("support/tenants");
            return;
        }
        removeAll();
        TenantDetails tenant = tenants.current();
        add(new H2(getTranslation("dashboard.welcome", user.displayName())));

        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER)) {
            StoreCounts counts = stores.counts();
            FlexLayout cards = new FlexLayout(
                    card("stores-active", getTranslation("dashboard.stores.active"), counts.active()),
                    card("stores-inactive", getTranslation("dashboard.stores.inactive"), counts.inactive()));
            cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            cards.addClassName("lapak-cards");
            Anchor manage = new Anchor("stores", getTranslation("dashboard.stores.manage"));
            manage.setId("manage-stores");
            add(cards, manage);
            add(attention(user, LocalDate.now(tenant.timeZone())));
            add(new SalesDashboard(
                    reports, stores.find("", PageRequest.of(0, 500)).getContent(), tenant.timeZone()));
        } else {
            add(cashierToday(tenant));
        }

        add(new H3(getTranslation("dashboard.tenant.heading")));
        FormLayout details = new FormLayout();
        details.setId("tenant-details");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(getLocale())
                .withZone(tenant.timeZone());
        details.addFormItem(value("tenant-name", tenant.name()), getTranslation("dashboard.tenant.name"));
        details.addFormItem(
                value("tenant-legal-name", tenant.legalName()), getTranslation("dashboard.tenant.legalName"));
        details.addFormItem(
                value("tenant-country", new Locale("", tenant.country()).getDisplayCountry(getLocale())),
                getTranslation("dashboard.tenant.country"));
        details.addFormItem(
                value(
                        "tenant-currency",
                        tenant.currency().getCurrencyCode() + " · "
                                + tenant.currency().getDisplayName(getLocale())),
                getTranslation("dashboard.tenant.currency"));
        details.addFormItem(
                value("tenant-time-zone", ZoneNames.label(tenant.timeZone(), getLocale())),
                getTranslation("dashboard.tenant.timeZone"));
        details.addFormItem(
                value("tenant-since", date.format(tenant.createdAt())), getTranslation("dashboard.tenant.since"));
        add(details);
    }

    /**
     * A cashier's day so far in their stores: the sales they and their colleagues took today (the store's business
     * day in the tenant's zone), approved and refunded amounts. No costs, payouts or other stores.
     */
    private Component cashierToday(TenantDetails tenant) {
        ZonedDateTime start = LocalDate.now(tenant.timeZone()).atStartOfDay(tenant.timeZone());
        List<SaleTotals> totals =
                sales.storeTotals(start.toInstant(), start.plusDays(1).toInstant());
        Div today = new Div();
        today.setId("dashboard-cashier-today");
        today.add(new H3(getTranslation("dashboard.cashier.today")));
        if (totals.isEmpty() || totals.stream().allMatch(t -> t.count() == 0)) {
            today.add(new Span(getTranslation("dashboard.cashier.none")));
            return today;
        }
        for (SaleTotals t : totals) {
            today.add(new Div(new Span(getTranslation(
                    "dashboard.cashier.line",
                    t.approvedCount(),
                    Money.of(t.approvedMinor(), t.currency()).format(getLocale()),
                    Money.of(t.refundedMinor(), t.currency()).format(getLocale())))));
        }
        return today;
    }

    /** What needs the merchant's attention: low stock, device alerts, and (admin) the next payout. */
    private Component attention(LapakUser user, LocalDate today) {
        long lowStock = stock.alerts(PageRequest.of(0, 1)).getTotalElements();
        long deviceAlerts = alerts.countOpen();
        Anchor low = new Anchor("stock", getTranslation("dashboard.attention.lowStock", lowStock));
        low.setId("dashboard-low-stock");
        Anchor devices = new Anchor("alerts", getTranslation("dashboard.attention.deviceAlerts", deviceAlerts));
        devices.setId("dashboard-device-alerts");
        FlexLayout row = new FlexLayout(low, devices);
        if (user.has(Role.MERCHANT_ADMIN)) {
            Span payout = nextPayout(settlement.payouts(30), today)
                    .map(p -> new Span(getTranslation(
                            p.expectedOn().isBefore(today)
                                    ? "dashboard.attention.payoutLate"
                                    : "dashboard.attention.nextPayout",
                            Money.of(p.amount(), p.currency()).format(getLocale()),
                            p.expectedOn()
                                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                            .withLocale(getLocale())))))
                    .orElseGet(() -> new Span(getTranslation("dashboard.attention.noPayout")));
            payout.setId("dashboard-next-payout");
            row.add(payout);
        }
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-l)");
        return row;
    }

    /**
     * The payout to name: the next one still to come (scheduled or sent); when only payouts whose expected day has
     * passed without the bank's confirmation remain, the oldest of them, which the page names as late.
     */
    static Optional<PayoutRow> nextPayout(List<PayoutRow> payouts, LocalDate today) {
        return payouts.stream()
                .filter(p -> p.status().equals("SCHEDULED") || p.status().equals("SENT"))
                .min(Comparator.comparing((PayoutRow p) -> p.expectedOn().isBefore(today))
                        .thenComparing(PayoutRow::expectedOn));
    }

    private static Component card(String id, String label, long count) {
        Span number = new Span(Long.toString(count));
        number.setId(id);
        number.addClassName("lapak-card-number");
        Div card = new Div(number, new Span(label));
        card.addClassName("lapak-card");
        return card;
    }

    private static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        return span;
    }
}
