package id.lapak.stores;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreProblem;
import id.lapak.ui.ZoneNames;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store form: a {@link Binder} over the {@link StoreForm} record, never over the entity. The rules live in
 * {@link StoreForm#problems()}; this form only shows them, translated, next to the field concerned.
 */
class StoreEditor extends Composite<FormLayout> {

    /** Zones a merchant in Indonesia picks from first; any other valid zone can be typed. */
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Asia/Jakarta"),
            ZoneId.of("Asia/Pontianak"),
            ZoneId.of("Asia/Makassar"),
            ZoneId.of("Asia/Jayapura"),
            ZoneId.of("Asia/Singapore"),
            ZoneId.of("Asia/Kuala_Lumpur"),
            ZoneId.of("Asia/Bangkok"),
            ZoneId.of("Asia/Manila"),
            ZoneId.of("Australia/Sydney"),
            ZoneId.of("Europe/London"),
            ZoneId.of("UTC"));

    private static final List<Currency> CURRENCIES =
            List.of("IDR", "SGD", "MYR", "THB", "PHP", "AUD", "USD", "EUR").stream()
                    .map(Currency::getInstance)
                    .toList();

    final TextField name = new TextField();
    final TextField address = new TextField();
    final TextField city = new TextField();
    final ComboBox<ZoneId> timeZone = new ComboBox<>();
    final ComboBox<Currency> currency = new ComboBox<>();
    final Checkbox taxRegistered = new Checkbox();
    final BigDecimalField taxRate = new BigDecimalField();
    final Checkbox pricesIncludeTax = new Checkbox();

    private final Binder<StoreForm> binder = new Binder<>(StoreForm.class);
    private final Map<String, HasValidation> fields;

    StoreEditor() {
        name.setId("store-name");
        address.setId("store-address");
        city.setId("store-city");
        timeZone.setId("store-time-zone");
        currency.setId("store-currency");
        taxRegistered.setId("store-tax-registered");
        taxRate.setId("store-tax-rate");
        pricesIncludeTax.setId("store-prices-include-tax");

        // No maxLength (a browser cuts pasted text silently): the limit is said up front and a longer text is
        // refused with a message by StoreForm's rules.
        name.setHelperText(getTranslation("field.limit", StoreForm.NAME_MAX));
        address.setHelperText(getTranslation("field.limit", StoreForm.ADDRESS_MAX));
        city.setHelperText(getTranslation("field.limit", StoreForm.CITY_MAX));
        timeZone.setItems(ZONES);
        timeZone.setItemLabelGenerator(zone -> ZoneNames.label(zone, getLocale()));
        currency.setItems(CURRENCIES);
        currency.setItemLabelGenerator(c -> c.getCurrencyCode() + " · " + c.getDisplayName(getLocale()));
        taxRegistered.addValueChangeListener(e -> taxRate.setEnabled(e.getValue()));

        binder.forField(name).bind("name");
        binder.forField(address).bind("address");
        binder.forField(city).bind("city");
        binder.forField(timeZone).bind("timeZone");
        binder.forField(currency).bind("currency");
        binder.forField(taxRegistered).bind("taxRegistered");
        binder.forField(taxRate).bind("taxRate");
        binder.forField(pricesIncludeTax).bind("pricesIncludeTax");

        fields = Map.of(
                "name",
                name,
                "address",
                address,
                "city",
                city,
                "timeZone",
                timeZone,
                "currency",
                currency,
                "taxRate",
                taxRate);

        FormLayout form = getContent();
        form.addFormItem(name, getTranslation("store.field.name"));
        form.addFormItem(address, getTranslation("store.field.address"));
        form.addFormItem(city, getTranslation("store.field.city"));
        form.addFormItem(timeZone, getTranslation("store.field.timeZone"));
        form.addFormItem(currency, getTranslation("store.field.currency"));
        form.addFormItem(taxRegistered, getTranslation("store.field.taxRegistered"));
        form.addFormItem(taxRate, getTranslation("store.field.taxRate"));
        form.addFormItem(pricesIncludeTax, getTranslation("store.field.pricesIncludeTax"));
    }

    void read(StoreForm form) {
        clearProblems();
        binder.readRecord(form);
        taxRate.setEnabled(form.taxRegistered());
    }

    /** The form as entered, or empty after showing what is wrong with it. */
    Optional<StoreForm> write() {
        clearProblems();
        StoreForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return Optional.empty();
        }
        if (!form.taxRegistered() && form.taxRate() == null) {
            form = new StoreForm(
                    form.name(),
                    form.address(),
                    form.city(),
                    form.timeZone(),
                    form.currency(),
                    false,
                    BigDecimal.ZERO,
                    form.pricesIncludeTax());
        }
        List<StoreProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            show(problems);
            return Optional.empty();
        }
        return Optional.of(form);
    }

    void show(List<StoreProblem> problems) {
        for (StoreProblem problem : problems) {
            HasValidation field = fields.getOrDefault(problem.field(), name);
            field.setErrorMessage(getTranslation(problem.messageKey()));
            field.setInvalid(true);
        }
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
    }

    private void clearProblems() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
