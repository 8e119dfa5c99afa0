package id.lapak.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.ui.Translator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The portal's translation files as a {@link Translator}, as Vaadin formats them; a missing key fails the test. */
public final class PortalWords {

    public static final Locale INDONESIAN = Locale.of("id", "ID");

    private PortalWords() {}

    /** Every key used must exist. */
    public static Translator english() {
        return load("vaadin-i18n/translations.properties", Locale.ENGLISH, true);
    }

    public static Translator indonesian() {
        return load("vaadin-i18n/translations_id.properties", INDONESIAN, true);
    }

    /** As Vaadin answers a missing key: the key inside "!{…}!", for code that falls back when a label is missing. */
    public static Translator englishAsVaadin() {
        return load("vaadin-i18n/translations.properties", Locale.ENGLISH, false);
    }

    public static Translator indonesianAsVaadin() {
        return load("vaadin-i18n/translations_id.properties", INDONESIAN, false);
    }

    private static Translator load(String resource, Locale locale, boolean strict) {
        Properties messages = new Properties();
        try (InputStream in = PortalWords.class.getClassLoader().getResourceAsStream(resource)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (key, params) -> {
            String pattern = messages.getProperty(key);
            if (!strict && pattern == null) {
                return "!{" + key + "}!";
            }
            assertThat(pattern).as("translation of " + key).isNotNull();
            return new MessageFormat(pattern, locale).format(params);
        };
    }
}
