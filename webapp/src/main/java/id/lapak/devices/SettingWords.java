package id.lapak.devices;

import id.lapak.tenant.money.Money;
import id.lapak.ui.Translator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A setting's value as a merchant reads it, in their language: "On"/"Off" rather than {@code true}/{@code false},
 * "Chip, Contactless (tap), Swipe" rather than {@code ["CHIP","CONTACTLESS","SWIPE"]}, amounts in the tenant's
 * currency, "empty" for an empty text and "not set" for no value. Nothing of JSON reaches the page.
 */
final class SettingWords {

    /** The card entry modes a device may offer, in the order the page lists them. */
    static final List<String> ENTRY_MODES = List.of("CHIP", "CONTACTLESS", "SWIPE");

    private final Translator translator;
    private final Locale locale;
    private final Currency currency;

    SettingWords(Translator translator, Locale locale, Currency currency) {
        this.translator = translator;
        this.locale = locale;
        this.currency = currency;
    }

    String words(String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return translator.translate("config.value.none");
        }
        if (value.isBoolean()) {
            return translator.translate(value.booleanValue() ? "config.value.on" : "config.value.off");
        }
        if ("offline.maxAmount".equals(key) && value.isIntegralNumber()) {
            return Money.of(value.longValue(), currency).format(locale);
        }
        if ("receipt.language".equals(key) && value.isString()) {
            return receiptLanguage(value.asString());
        }
        if ("app.requiredFrom".equals(key) && value.isString()) {
            return date(value.asString());
        }
        if (value.isArray()) {
            return list(key, value);
        }
        if (value.isIntegralNumber()) {
            return String.format(locale, "%,d", value.longValue());
        }
        String text = value.isString() ? value.asString() : value.toString();
        return text.isBlank() ? translator.translate("config.value.empty") : text;
    }

    /** A receipt language in words: "Bahasa Indonesia", "English", or "The reader's language" for none. */
    String receiptLanguage(String code) {
        return translator.translate("config.receiptLanguage." + (code == null || code.isBlank() ? "reader" : code));
    }

    /** The label of one entry mode (also used by the entry-mode check boxes). */
    String entryMode(String mode) {
        return translator.translate("config.entryMode." + mode);
    }

    private String list(String key, JsonNode value) {
        if (value.isEmpty()) {
            return translator.translate("config.value.none");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            String text = item.isString() ? item.asString() : item.toString();
            if ("entryModes".equals(key) && ENTRY_MODES.contains(text)) {
                items.add(entryMode(text));
            } else if ("tipping.presets".equals(key)) {
                items.add(text + " %");
            } else {
                items.add(text);
            }
        }
        return String.join(", ", items);
    }

    private String date(String text) {
        try {
            return LocalDate.parse(text)
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(locale));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
