package id.lapak.sales;

import com.vaadin.flow.component.textfield.TextField;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * An amount typed in the page's language ({@code 15.000} or {@code Rp 15.000} in Indonesian, {@code 15,000} in
 * English), read with {@link Money#parse}; what cannot be read shows its reason on the field.
 */
final class AmountField {

    private AmountField() {}

    static TextField create(String id, String label) {
        TextField field = new TextField();
        field.setId(id);
        field.setLabel(label);
        field.setClearButtonVisible(true);
        return field;
    }

    /**
     * The field's amount in minor units, empty when blank; null (and the field marked invalid with the translated
     * reason) when the text is not an amount of {@code currency}.
     */
    static Optional<Long> read(TextField field, String currency, Locale locale) {
        field.setInvalid(false);
        String text = field.getValue();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Money.parse(text, Currency.getInstance(currency), locale).minor());
        } catch (MoneyFormatException e) {
            field.setErrorMessage(field.getTranslation(e.messageKey()));
            field.setInvalid(true);
            return null;
        }
    }
}
