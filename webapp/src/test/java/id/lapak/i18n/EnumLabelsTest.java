package id.lapak.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every value of an enum the portal labels has its label, in both languages. An enum is labelled under a key
 * prefix when the translations carry at least two codes under that prefix and all of them are values of the enum,
 * e.g. {@code devices.presence.ONLINE}, {@code devices.presence.STALE}; then every value must be there, so a value
 * added to the enum later cannot reach a page as a raw code.
 */
class EnumLabelsTest {

    @Test
    void everyValueOfALabelledEnumHasItsLabelInBothLanguages() throws Exception {
        Properties english = load("vaadin-i18n/translations.properties");
        Properties indonesian = load("vaadin-i18n/translations_id.properties");
        Set<String> keys = english.stringPropertyNames();
        java.util.Map<String, Class<?>> owner = new java.util.TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.lapak")) {
            if (!type.isEnum()) {
                continue;
            }
            Class<?> enumType = Class.forName(type.getName());
            List<String> values = Arrays.stream(enumType.getEnumConstants())
                    .map(v -> ((Enum<?>) v).name())
                    .toList();
            if (values.size() < 2) {
                continue;
            }
            Set<String> prefixes = new TreeSet<>();
            for (String key : keys) {
                for (String value : values) {
                    if (key.endsWith("." + value)) {
                        prefixes.add(key.substring(0, key.length() - value.length() - 1));
                    }
                }
            }
            for (String prefix : prefixes) {
                // The prefix labels this enum when every upper-case key under it is one of the enum's values.
                List<String> children = keys.stream()
                        .filter(k -> k.startsWith(prefix + "."))
                        .map(k -> k.substring(prefix.length() + 1))
                        .filter(c -> c.matches("[A-Z][A-Z0-9_]*"))
                        .toList();
                // Several enums may fit one prefix (SALE, REFUND are in more than one): the tightest fit owns it.
                if (children.size() >= 2
                        && values.containsAll(children)
                        && (!owner.containsKey(prefix)
                                || owner.get(prefix).getEnumConstants().length > values.size())) {
                    owner.put(prefix, enumType);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        owner.forEach((prefix, enumType) -> {
            for (Object value : enumType.getEnumConstants()) {
                String key = prefix + "." + ((Enum<?>) value).name();
                if (!keys.contains(key) || !indonesian.containsKey(key)) {
                    missing.add(key + " (" + enumType.getSimpleName() + ")");
                }
            }
        });
        assertThat(owner).as("labelled enums found").hasSizeGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EnumLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
