package id.lapak.settlement;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import id.lapak.billing.pricing.PlanForm;
import id.lapak.billing.pricing.PlanRow;
import id.lapak.billing.pricing.PricingRefused;
import id.lapak.billing.pricing.PricingService;
import id.lapak.tenant.money.Money;
import id.lapak.ui.Localized;
import id.lapak.ui.PortalDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Support's pricing of one tenant: the plan history (never edited; a change is a new plan from a date) and a form
 * for the next plan with a message on each refused field (a negative rate or amount saves nothing).
 */
class PricingPanel extends Composite<VerticalLayout> {

    static final List<String> BRANDS = List.of("VISA", "MASTERCARD", "JCB", "AMEX", "UNIONPAY", "GPN", "QRIS");

    private final PricingService pricing;
    private final Grid<PlanRow> history = new Grid<>();
    private final DatePicker from;
    private final IntegerField minimumFee = field("pricing-minimum-fee", "pricing.field.minimumFee");
    private final IntegerField ppn = field("pricing-ppn", "pricing.field.ppn");
    private final Map<String, IntegerField> fields = new LinkedHashMap<>();
    private UUID tenant;

    PricingPanel(PricingService pricing) {
        this.pricing = pricing;
        from = Localized.datePicker(new DatePicker(getTranslation("pricing.field.effectiveFrom")));
        from.setId("pricing-effective-from");
        fields.put("minimumFee", minimumFee);
        fields.put("ppn", ppn);
        ppn.setValue(1100);
        minimumFee.setValue(0);
        FormLayout form = new FormLayout(from, minimumFee, ppn);
        for (String brand : BRANDS) {
            IntegerField rate = field("pricing-" + brand + "-rate", "pricing.field.rate");
            rate.setLabel(getTranslation("settlement.brand." + brand) + " · " + rate.getLabel());
            IntegerField fixed = field("pricing-" + brand + "-fixed", "pricing.field.fixed");
            fixed.setLabel(getTranslation("settlement.brand." + brand) + " · " + fixed.getLabel());
            rate.setValue(0);
            fixed.setValue(0);
            fields.put(brand + ".rate", rate);
            fields.put(brand + ".fixed", fixed);
            form.add(rate, fixed);
        }
        form.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 4));
        Button save = new Button(getTranslation("pricing.save"), e -> save());
        save.setId("pricing-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        history.setId("pricing-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(p -> date(p.effectiveFrom())).setHeader(getTranslation("pricing.column.from"));
        history.addColumn(p -> PricingPanel.rates(p, this::getTranslation, getLocale()))
                .setHeader(getTranslation("pricing.column.rates"))
                .setFlexGrow(4);
        history.addColumn(p -> Money.of(p.minimumFeeMinor(), p.currency()).format(getLocale()))
                .setHeader(getTranslation("pricing.field.minimumFee"));
        history.addColumn(p -> percent(p.ppnBasisPoints())).setHeader(getTranslation("pricing.field.ppn"));
        history.addColumn(p -> p.recordedBy() + " · "
                        + PortalDates.dateTime(getLocale(), ZoneId.of("Asia/Jakarta"))
                                .format(p.recordedAt()))
                .setHeader(getTranslation("pricing.column.recorded"))
                .setFlexGrow(2);
        history.setEmptyStateText(getTranslation("pricing.history.empty"));
        history.setHeight("14em");
        getContent().setPadding(false);
        getContent().add(history, form, save);
        getContent().setEnabled(false);
    }

    void show(UUID tenant) {
        this.tenant = tenant;
        getContent().setEnabled(tenant != null);
        history.setItems(tenant == null ? List.of() : pricing.plans(tenant));
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        from.setInvalid(false);
        Map<String, PlanForm.BrandRate> rates = new LinkedHashMap<>();
        for (String brand : BRANDS) {
            rates.put(
                    brand,
                    new PlanForm.BrandRate(value(fields.get(brand + ".rate")), value(fields.get(brand + ".fixed"))));
        }
        try {
            pricing.addPlan(tenant, new PlanForm(from.getValue(), "IDR", value(minimumFee), value(ppn), rates));
            show(tenant);
            Notification.show(getTranslation("pricing.saved"));
        } catch (PricingRefused refused) {
            refused.fieldErrors().forEach((field, key) -> {
                HasValidation target = "effectiveFrom".equals(field) ? from : fields.get(field);
                if (target != null) {
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                }
            });
        }
    }

    /** A plan's rates in one line, e.g. "Visa 1,90 % + Rp 150". */
    static String rates(PlanRow plan, Function<String, String> t, Locale locale) {
        return plan.rates().entrySet().stream()
                .map(e -> t.apply("settlement.brand." + e.getKey()) + " "
                        + percent(e.getValue().rateBasisPoints()) + " + "
                        + Money.of(e.getValue().fixedMinor(), plan.currency()).format(locale))
                .collect(Collectors.joining(" · "));
    }

    static String percent(long basisPoints) {
        return new BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + " %";
    }

    private static long value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private IntegerField field(String id, String key) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setId(id);
        return field;
    }

    private String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }
}
