package id.lapak.settlement;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.pricing.PricingRefused;
import id.lapak.billing.pricing.PricingService;
import id.lapak.ui.Localized;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Support's holiday calendar: a year's banking holidays, adding or renaming a day (this or the next two years). */
class HolidayPanel extends Composite<VerticalLayout> {

    private final PricingService pricing;
    private final Select<Integer> year = new Select<>();
    private final Grid<Map.Entry<LocalDate, String>> days = new Grid<>();

    HolidayPanel(PricingService pricing) {
        this.pricing = pricing;
        int now = LocalDate.now().getYear();
        year.setId("holiday-year");
        year.setLabel(getTranslation("holiday.field.year"));
        year.setItems(IntStream.rangeClosed(now - 1, now + 2).boxed().toList());
        year.addValueChangeListener(e -> refresh());
        days.setId("holiday-days");
        days.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        days.addColumn(e -> e.getKey()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                                .withLocale(getLocale())))
                .setHeader(getTranslation("holiday.column.day"));
        days.addColumn(Map.Entry::getValue)
                .setHeader(getTranslation("holiday.column.name"))
                .setFlexGrow(2);
        days.addComponentColumn(e -> new Button(getTranslation("holiday.remove"), click -> {
                    pricing.removeHoliday(e.getKey());
                    refresh();
                }))
                .setHeader("");
        days.setEmptyStateText(getTranslation("holiday.empty"));
        days.setHeight("16em");

        DatePicker day = Localized.datePicker(new DatePicker(getTranslation("holiday.column.day")));
        day.setId("holiday-day");
        TextField name = new TextField(getTranslation("holiday.column.name"));
        name.setId("holiday-name");
        Checkbox leave = new Checkbox(getTranslation("holiday.field.collectiveLeave"));
        Button save = new Button(getTranslation("holiday.save"), e -> {
            day.setInvalid(false);
            name.setInvalid(false);
            try {
                pricing.saveHoliday(day.getValue(), name.getValue(), leave.getValue());
                year.setValue(day.getValue().getYear());
                refresh();
                Notification.show(getTranslation("holiday.saved"));
            } catch (PricingRefused refused) {
                refused.fieldErrors().forEach((field, key) -> {
                    var target = "day".equals(field) ? day : name;
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        save.setId("holiday-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(day, name, leave, save);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setPadding(false);
        getContent().add(year, days, form);
        year.setValue(now);
    }

    private void refresh() {
        days.setItems(year.getValue() == null ? List.of() : pricing.holidays(year.getValue()));
    }
}
