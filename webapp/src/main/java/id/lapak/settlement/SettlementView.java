package id.lapak.settlement;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.billing.payout.PayoutAccountService;
import id.lapak.billing.pricing.PlanRow;
import id.lapak.billing.pricing.PricingService;
import id.lapak.billing.settlement.AdjustmentService;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.billing.settlement.SettlementViews.PayoutRow;
import id.lapak.billing.settlement.SettlementViews.Step;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.Localized;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.data.domain.PageRequest;

/**
 * Settlement: the closed business days (batches) with their totals and payout, a batch's lines each linking to its
 * sale, the tenant's payouts (merchant admin), and the waterfall of one store's day. A store manager sees their
 * stores' lines and waterfall only, read-only.
 */
@Route("settlement")
@PageTitle("Lapak · Settlement")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class SettlementView extends VerticalLayout {

    private static final int BATCHES = 90;

    private final SettlementService settlement;

    SettlementView(
            SettlementService settlement,
            StoreService stores,
            PayoutAccountService accounts,
            AdjustmentService adjustments,
            PricingService pricing) {
        this.settlement = settlement;
        setId("settlement");
        setWidthFull();
        add(new H2(getTranslation("settlement.title")));

        Grid<LineRow> lines = linesGrid();
        Grid<BatchRow> batches = batchesGrid();
        Div statement = new Div();
        batches.addSelectionListener(e -> {
            lines.setItems(
                    e.getFirstSelectedItem().map(b -> settlement.lines(b.id())).orElse(List.of()));
            statement.removeAll();
            e.getFirstSelectedItem()
                    .ifPresent(b -> statement.add(
                            statementLink(b),
                            statementPdfLink(b),
                            download(
                                    "settlement-statement-xlsx",
                                    "statement-" + b.businessDay() + ".xlsx",
                                    XLSX,
                                    settlement.statementXlsx(b.id(), key -> getTranslation(key)),
                                    getTranslation("settlement.statement.xlsx"))));
        });
        add(
                new H3(getTranslation("settlement.batches")),
                batches,
                new H3(getTranslation("settlement.lines")),
                statement,
                lines);

        add(new H3(getTranslation("settlement.month")), monthStatement());
        if (CurrentUser.require().has(Role.MERCHANT_ADMIN)) {
            add(new H3(getTranslation("settlement.payouts")), new PayoutAccountSection(accounts), payoutsGrid());
            add(new H3(getTranslation("adjustment.title")), new AdjustmentSection(adjustments));
            add(new H3(getTranslation("pricing.own")), ownPlan(pricing));
        }
        add(new H3(getTranslation("settlement.waterfall")), waterfall(stores));
    }

    private String money(long minor, String currency) {
        return Money.of(minor, currency).format(getLocale());
    }

    private String date(LocalDate day) {
        return day == null
                ? ""
                : day.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    private String time(Instant instant, ZoneId zone) {
        return PortalDates.dateTime(getLocale(), zone).format(instant);
    }

    private Grid<BatchRow> batchesGrid() {
        Grid<BatchRow> grid = new Grid<>();
        grid.setId("settlement-batches");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(b -> date(b.businessDay())).setHeader(getTranslation("settlement.column.day"));
        grid.addColumn(b -> b.lines() + (b.late() > 0 ? " (" + getTranslation("settlement.late", b.late()) + ")" : ""))
                .setHeader(getTranslation("settlement.column.lines"));
        grid.addColumn(b -> money(b.gross(), b.currency())).setHeader(getTranslation("settlement.column.gross"));
        grid.addColumn(b -> money(b.refunds(), b.currency())).setHeader(getTranslation("settlement.column.refunds"));
        grid.addColumn(b -> money(b.fees(), b.currency())).setHeader(getTranslation("settlement.column.fees"));
        grid.addColumn(b -> money(b.ppn(), b.currency())).setHeader(getTranslation("settlement.column.ppn"));
        grid.addColumn(b -> b.carriedIn() == null || b.carriedIn() == 0 ? "" : money(b.carriedIn(), b.currency()))
                .setHeader(getTranslation("settlement.column.carried"));
        grid.addColumn(b -> b.adjustments() == null || b.adjustments() == 0 ? "" : money(b.adjustments(), b.currency()))
                .setHeader(getTranslation("settlement.column.adjustments"));
        grid.addColumn(b -> b.net() == null ? "" : money(b.net(), b.currency()))
                .setHeader(getTranslation("settlement.column.net"));
        grid.addColumn(this::payoutText)
                .setHeader(getTranslation("settlement.column.payout"))
                .setFlexGrow(2);
        // Amounts are read whole: each column as wide as its content, the grid scrolls sideways when they do not fit.
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setEmptyStateText(getTranslation("settlement.batches.empty"));
        grid.setItems(settlement.batches(BATCHES));
        grid.setAllRowsVisible(false);
        grid.setHeight("20em");
        return grid;
    }

    /** The statement is built when the day is selected, with the person's rights, then offered as a file. */
    private Anchor statementLink(BatchRow batch) {
        byte[] csv = settlement.statementCsv(batch.id()).getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(csv),
                        "statement-" + batch.businessDay() + ".csv",
                        "text/csv",
                        csv.length)),
                getTranslation("settlement.statement.csv"));
        link.setId("settlement-statement-csv");
        link.getElement().setAttribute("download", true);
        return link;
    }

    private Anchor statementPdfLink(BatchRow batch) {
        byte[] pdf = settlement.statementPdf(batch.id(), getLocale(), key -> getTranslation(key));
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pdf),
                        "statement-" + batch.businessDay() + ".pdf",
                        "application/pdf",
                        pdf.length)),
                getTranslation("settlement.statement.pdf"));
        link.setId("settlement-statement-pdf");
        link.getElement().setAttribute("download", true);
        link.getStyle().set("margin-left", "var(--lumo-space-m)");
        return link;
    }

    /** The plan in force today and any plan already set for a later day, read-only. */
    private Div ownPlan(PricingService pricing) {
        Div plan = new Div();
        plan.setId("settlement-plan");
        List<PlanRow> plans = pricing.ownPlans();
        if (plans.isEmpty()) {
            plan.setText(getTranslation("pricing.own.empty"));
        }
        LocalDate today = LocalDate.now();
        for (PlanRow p : plans) {
            plan.add(new Div(getTranslation("pricing.column.from") + " " + date(p.effectiveFrom()) + ": "
                    + PricingPanel.rates(p, this::getTranslation, getLocale()) + " · "
                    + getTranslation("pricing.field.minimumFee") + " " + money(p.minimumFeeMinor(), p.currency())
                    + " · " + getTranslation("settlement.column.ppn") + " "
                    + PricingPanel.percent(p.ppnBasisPoints())));
            if (!p.effectiveFrom().isAfter(today)) {
                break;
            }
        }
        return plan;
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A file link; the file is built when the link is made, with the person's rights. */
    private Anchor download(String id, String fileName, String type, byte[] content, String text) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event ->
                        new DownloadResponse(new ByteArrayInputStream(content), fileName, type, content.length)),
                text);
        link.setId(id);
        link.getElement().setAttribute("download", true);
        link.getStyle().set("margin-left", "var(--lumo-space-m)");
        return link;
    }

    /** The month's statement: choose a month of the last year, then download it as PDF, CSV or XLSX. */
    private FlexLayout monthStatement() {
        Select<YearMonth> month = new Select<>();
        month.setLabel(getTranslation("settlement.field.month"));
        month.setId("settlement-month");
        YearMonth now = YearMonth.now();
        month.setItems(IntStream.range(0, 12).mapToObj(now::minusMonths).toList());
        month.setItemLabelGenerator(m -> m.format(DateTimeFormatter.ofPattern("MMMM yyyy", getLocale())));
        Div links = new Div();
        month.addValueChangeListener(e -> {
            links.removeAll();
            YearMonth m = e.getValue();
            if (m != null) {
                links.add(
                        download(
                                "settlement-month-pdf",
                                "statement-" + m + ".pdf",
                                "application/pdf",
                                settlement.monthPdf(m, getLocale(), key -> getTranslation(key)),
                                getTranslation("settlement.month.pdf")),
                        download(
                                "settlement-month-csv",
                                "statement-" + m + ".csv",
                                "text/csv",
                                settlement.monthCsv(m).getBytes(StandardCharsets.UTF_8),
                                getTranslation("settlement.month.csv")),
                        download(
                                "settlement-month-xlsx",
                                "statement-" + m + ".xlsx",
                                XLSX,
                                settlement.monthXlsx(m, key -> getTranslation(key)),
                                getTranslation("settlement.month.xlsx")));
            }
        });
        FlexLayout layout = new FlexLayout(month, links);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.setAlignItems(Alignment.BASELINE);
        return layout;
    }

    private String payoutText(BatchRow b) {
        if (b.net() == null) {
            return "";
        }
        if (b.payoutStatus() == null) {
            return getTranslation(
                    b.net() < 0
                            ? "settlement.payout.carried"
                            : b.net() == 0 ? "settlement.payout.nothing" : "settlement.payout.noAccount");
        }
        return getTranslation("settlement.payout." + b.payoutStatus()) + " · " + date(b.payoutExpectedOn());
    }

    private Grid<LineRow> linesGrid() {
        Grid<LineRow> grid = new Grid<>();
        grid.setId("settlement-lines");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(l -> time(l.recordedAt(), l.storeZone()))
                .setHeader(getTranslation("settlement.column.recorded"));
        grid.addColumn(LineRow::storeName).setHeader(getTranslation("settlement.column.store"));
        grid.addColumn(l -> getTranslation("settlement.kind." + l.kind())
                        + (l.late() ? " · " + getTranslation("settlement.line.late") : ""))
                .setHeader(getTranslation("settlement.column.kind"));
        grid.addColumn(l -> getTranslation("settlement.brand." + l.brand()))
                .setHeader(getTranslation("settlement.column.brand"));
        grid.addColumn(l -> money(l.gross(), "IDR")).setHeader(getTranslation("settlement.column.amount"));
        grid.addColumn(l -> money(l.fee(), "IDR")).setHeader(getTranslation("settlement.column.fees"));
        grid.addColumn(l -> money(l.ppn(), "IDR")).setHeader(getTranslation("settlement.column.ppn"));
        grid.addComponentColumn(l -> new Anchor("sales/" + l.saleId(), getTranslation("settlement.line.openSale")))
                .setHeader(getTranslation("settlement.column.sale"));
        grid.setEmptyStateText(getTranslation("settlement.lines.empty"));
        grid.setHeight("20em");
        return grid;
    }

    private Grid<PayoutRow> payoutsGrid() {
        Grid<PayoutRow> grid = new Grid<>();
        grid.setId("settlement-payouts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(p -> date(p.expectedOn())).setHeader(getTranslation("settlement.column.expected"));
        grid.addColumn(p -> date(p.businessDay())).setHeader(getTranslation("settlement.column.day"));
        grid.addColumn(p -> money(p.amount(), p.currency())).setHeader(getTranslation("settlement.column.amount"));
        grid.addColumn(p -> getTranslation("settlement.payout." + p.status()))
                .setHeader(getTranslation("settlement.column.status"));
        grid.addColumn(p -> p.bankName() + " " + p.maskedAccount())
                .setHeader(getTranslation("settlement.column.account"));
        grid.setEmptyStateText(getTranslation("settlement.payouts.empty"));
        grid.setItems(settlement.payouts(BATCHES));
        grid.setHeight("14em");
        return grid;
    }

    private VerticalLayout waterfall(StoreService stores) {
        ComboBox<StoreDetails> store = new ComboBox<>(getTranslation("settlement.field.store"));
        store.setId("waterfall-store");
        store.setItems(query ->
                stores
                        .find(query.getFilter().orElse(""), PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream());
        store.setItemLabelGenerator(StoreDetails::name);
        DatePicker day = Localized.datePicker(new DatePicker(getTranslation("settlement.field.day")));
        day.setId("waterfall-day");
        day.setValue(LocalDate.now().minusDays(1));
        Grid<Step> steps = new Grid<>();
        steps.setId("waterfall-steps");
        steps.addThemeVariants(GridVariant.LUMO_COMPACT);
        steps.setAllRowsVisible(true);
        steps.setEmptyStateText(getTranslation("settlement.waterfall.empty"));
        String[] currency = {"IDR"};
        steps.addColumn(s -> getTranslation("settlement.step." + s.key()))
                .setHeader(getTranslation("settlement.column.step"))
                .setFlexGrow(3);
        steps.addColumn(s -> money(s.amountMinor(), currency[0])).setHeader(getTranslation("settlement.column.amount"));
        steps.setPartNameGenerator(s -> s.total() ? "total" : null);
        Runnable refresh = () -> {
            if (store.getValue() == null || day.getValue() == null) {
                steps.setItems(List.of());
                return;
            }
            Waterfall w = settlement.waterfall(store.getValue().id(), day.getValue());
            currency[0] = w.currency();
            steps.setItems(w.steps());
        };
        store.addValueChangeListener(e -> refresh.run());
        day.addValueChangeListener(e -> refresh.run());
        FlexLayout pickers = new FlexLayout(store, day);
        pickers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pickers.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout layout = new VerticalLayout(pickers, steps);
        layout.setPadding(false);
        return layout;
    }
}
