package id.lapak.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The portal's translation files as a {@link Translator}, as Vaadin formats them; a missing key fails the test. */
final class PortalWords {

    static final Locale INDONESIAN = Locale.of("id", "ID");

    private PortalWords() {
    }

    static Translator english() {
        return load("vaadin-i18n/translations.properties", Locale.ENGLISH);
    }

    static Translator indonesian() {
        return load("vaadin-i18n/translations_id.properties", INDONESIAN);
    }

    private static Translator load(String resource, Locale locale) {
        Properties messages = new Properties();
        try (InputStream in = PortalWords.class.getClassLoader().getResourceAsStream(resource)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (key, params) -> {
            String pattern = messages.getProperty(key);
            assertThat(pattern).as("translation of " + key).isNotNull();
            return new MessageFormat(pattern, locale).format(params);
        };
    }
}
