package id.lapak.tenantbilling;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.subscription.BillingRefused;
import id.lapak.billing.subscription.PlanCatalog;
import id.lapak.billing.subscription.PlanForm;
import id.lapak.billing.subscription.PlanInterval;
import id.lapak.billing.subscription.PlanPrice;
import id.lapak.tenant.money.Money;
import id.lapak.ui.Localized;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plans and their price history, and the form for a new plan or a new price from a date. Tiers are typed as
 * "from:price" pairs ({@code 0:0, 1000:200}). A refused form names each field; nothing is saved.
 */
class PlansPanel extends Div {

    private static final Currency IDR = Currency.getInstance("IDR");

    private final PlanCatalog catalog;
    private final Grid<PlanPrice> grid = new Grid<>();
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final DatePicker from = Localized.datePicker(new DatePicker());
    private final TextField monthly = new TextField();
    private final TextField device = new TextField();
    private final IntegerField trial = new IntegerField();
    private final Select<PlanInterval> interval = new Select<>();
    private final TextField tiers = new TextField();

    PlansPanel(PlanCatalog catalog) {
        this.catalog = catalog;
        setWidthFull();
        grid.setId("support-billing-plans");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PlanPrice::planName).setHeader(getTranslation("billing.column.plan"));
        grid.addColumn(p -> p.effectiveFrom()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(getLocale())))
                .setHeader(getTranslation("billing.column.from"));
        grid.addColumn(p -> p.monthlyFee().format(getLocale())).setHeader(getTranslation("billing.field.monthly"));
        grid.addColumn(p -> p.deviceFee().format(getLocale())).setHeader(getTranslation("billing.field.device"));
        grid.addColumn(PlanPrice::trialDays).setHeader(getTranslation("billing.field.trial"));
        grid.addColumn(p -> getTranslation("billing.interval." + p.interval()))
                .setHeader(getTranslation("billing.field.interval"));
        grid.addColumn(p -> p.tiers().stream()
                        .map(t -> getTranslation(
                                "billing.tier", t.fromCount() + 1, t.unit().format(getLocale())))
                        .collect(Collectors.joining("; ")))
                .setHeader(getTranslation("billing.field.tiers"))
                .setFlexGrow(2);
        grid.setHeight("14em");
        add(grid, form());
        refresh();
    }

    private FormLayout form() {
        code.setId("plan-code");
        code.setLabel(getTranslation("billing.field.code"));
        name.setId("plan-name");
        name.setLabel(getTranslation("billing.field.name"));
        from.setId("plan-from");
        from.setI18n(from.getI18n().setDateFormat("yyyy-MM-dd"));
        from.setLabel(getTranslation("billing.column.from"));
        monthly.setId("plan-monthly");
        monthly.setLabel(getTranslation("billing.field.monthly"));
        device.setId("plan-device");
        device.setLabel(getTranslation("billing.field.device"));
        trial.setId("plan-trial");
        trial.setLabel(getTranslation("billing.field.trial"));
        trial.setValue(0);
        interval.setId("plan-interval");
        interval.setLabel(getTranslation("billing.field.interval"));
        interval.setItems(PlanInterval.values());
        interval.setItemLabelGenerator(i -> getTranslation("billing.interval." + i));
        interval.setValue(PlanInterval.MONTHLY);
        tiers.setId("plan-tiers");
        tiers.setLabel(getTranslation("billing.field.tiers"));
        tiers.setHelperText(getTranslation("billing.field.tiers.help"));
        tiers.setValue("0:0");
        Button save = new Button(getTranslation("billing.plan.save"), e -> save());
        save.setId("plan-save");
        FormLayout form = new FormLayout(code, name, from, monthly, device, trial, interval, tiers, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        return form;
    }

    private void save() {
        List<HasValidation> fields = List.of(code, name, from, monthly, device, trial, interval, tiers);
        fields.forEach(f -> f.setInvalid(false));
        Long monthlyFee = amount(monthly);
        Long deviceFee = amount(device);
        List<PlanForm.TierForm> tierForms = tiers();
        if (monthlyFee == null || deviceFee == null || tierForms == null) {
            return;
        }
        PlanForm form = new PlanForm(
                code.getValue().strip().toUpperCase(Locale.ROOT),
                name.getValue(),
                from.getValue(),
                "IDR",
                monthlyFee,
                deviceFee,
                trial.getValue() == null ? -1 : trial.getValue(),
                interval.getValue(),
                tierForms);
        try {
            catalog.addPrice(form);
            Notification.show(getTranslation("billing.plan.saved"));
            refresh();
        } catch (BillingRefused refused) {
            Map<String, HasValidation> byName = Map.of(
                    "code",
                    code,
                    "name",
                    name,
                    "effectiveFrom",
                    from,
                    "monthlyFee",
                    monthly,
                    "deviceFee",
                    device,
                    "trialDays",
                    trial,
                    "interval",
                    interval,
                    "tiers",
                    tiers,
                    "currency",
                    monthly);
            refused.fieldErrors().forEach((field, key) -> {
                HasValidation target = byName.getOrDefault(field, code);
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
            });
        }
    }

    private Long amount(TextField field) {
        try {
            return Money.parse(field.getValue(), IDR, getLocale()).minor();
        } catch (IllegalArgumentException e) {
            field.setErrorMessage(getTranslation("billing.error.amount"));
            field.setInvalid(true);
            return null;
        }
    }

    private List<PlanForm.TierForm> tiers() {
        List<PlanForm.TierForm> parsed = new ArrayList<>();
        try {
            for (String pair : tiers.getValue().split("[,;]")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] parts = pair.split(":");
                parsed.add(new PlanForm.TierForm(
                        Long.parseLong(parts[0].strip()),
                        Money.parse(parts[1], IDR, getLocale()).minor()));
            }
            return parsed;
        } catch (RuntimeException e) {
            tiers.setErrorMessage(getTranslation("billing.error.tierFormat"));
            tiers.setInvalid(true);
            return null;
        }
    }

    private void refresh() {
        grid.setItems(catalog.prices());
    }
}
