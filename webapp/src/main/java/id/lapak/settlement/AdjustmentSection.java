package id.lapak.settlement;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.settlement.AdjustmentRefused;
import id.lapak.billing.settlement.AdjustmentService;
import id.lapak.billing.settlement.AdjustmentService.AdjustmentRow;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import id.lapak.ui.PortalDates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The merchant admin's manual adjustments: the latest with the day each settled in, and a dialog to record one
 * (give or take an amount, with a reason). A recorded adjustment is never edited; a wrong one is corrected by
 * another.
 */
class AdjustmentSection extends Composite<VerticalLayout> {

    private static final String CURRENCY = "IDR";
    private static final String CREDIT = "credit";
    private static final String DEBIT = "debit";

    private final AdjustmentService adjustments;
    private final Grid<AdjustmentRow> grid = new Grid<>();

    AdjustmentSection(AdjustmentService adjustments) {
        this.adjustments = adjustments;
        grid.setId("settlement-adjustments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(a -> PortalDates.dateTime(getLocale(), ZoneId.of("Asia/Jakarta"))
                        .format(a.createdAt()))
                .setHeader(getTranslation("adjustment.column.recorded"));
        grid.addColumn(AdjustmentRow::createdBy).setHeader(getTranslation("adjustment.column.by"));
        grid.addColumn(a -> Money.of(a.amountMinor(), a.currency()).format(getLocale()))
                .setHeader(getTranslation("adjustment.column.amount"));
        grid.addColumn(AdjustmentRow::reason)
                .setHeader(getTranslation("adjustment.column.reason"))
                .setFlexGrow(3);
        grid.addColumn(a -> a.batchDay() == null ? getTranslation("adjustment.waiting") : date(a.batchDay()))
                .setHeader(getTranslation("adjustment.column.batch"))
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("adjustment.empty"));
        grid.setHeight("12em");
        Button record = new Button(getTranslation("adjustment.record"), e -> openDialog());
        record.setId("adjustment-record");
        getContent().setPadding(false);
        getContent().add(record, grid);
        refresh();
    }

    private String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    private void refresh() {
        grid.setItems(adjustments.latest(50));
    }

    private void openDialog() {
        Dialog dialog = new Dialog(getTranslation("adjustment.dialog"));
        RadioButtonGroup<String> direction = new RadioButtonGroup<>(getTranslation("adjustment.field.direction"));
        direction.setId("adjustment-direction");
        direction.setItems(List.of(CREDIT, DEBIT));
        direction.setItemLabelGenerator(d -> getTranslation("adjustment.direction." + d));
        direction.setValue(CREDIT);
        TextField amount = new TextField(getTranslation("adjustment.field.amount"));
        amount.setId("adjustment-amount");
        amount.setPrefixComponent(new Span("Rp"));
        TextArea reason = new TextArea(getTranslation("adjustment.field.reason"));
        reason.setId("adjustment-reason");
        reason.setMaxLength(500);
        Map<String, HasValidation> fields = Map.of("amount", amount, "reason", reason);
        Button save = new Button(getTranslation("adjustment.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            Money value = read(amount);
            if (value == null) {
                return;
            }
            try {
                adjustments.record(DEBIT.equals(direction.getValue()) ? value.negate() : value, reason.getValue());
                dialog.close();
                refresh();
                Notification.show(getTranslation("adjustment.saved"));
            } catch (AdjustmentRefused refused) {
                refused.fieldErrors().forEach((field, key) -> {
                    fields.get(field).setErrorMessage(getTranslation(key));
                    fields.get(field).setInvalid(true);
                });
            }
        });
        save.setId("adjustment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(direction, amount, reason));
        dialog.getFooter().add(new Button(getTranslation("adjustment.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The typed amount; null with the reason on the field when it is not an amount (blank reads as zero). */
    private Money read(TextField amount) {
        if (amount.getValue() == null || amount.getValue().isBlank()) {
            return Money.of(0, CURRENCY);
        }
        try {
            return Money.parse(amount.getValue(), Currency.getInstance(CURRENCY), getLocale());
        } catch (MoneyFormatException e) {
            amount.setErrorMessage(getTranslation(e.messageKey()));
            amount.setInvalid(true);
            return null;
        }
    }
}
