package id.lapak.mail;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The portal's translations outside a UI (e-mails written by jobs, documents): key → text in {@code locale}, the key
 * itself when it has none.
 */
public final class Translations {

    private Translations() {}

    public static Function<String, String> of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", locale);
        return key -> bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
