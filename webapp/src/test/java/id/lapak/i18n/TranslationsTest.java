package id.lapak.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-facing text exists in English and Bahasa Indonesia, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:getTranslation|show)\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    @Test
    void englishAndIndonesianHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("vaadin-i18n/translations.properties");
        Properties indonesian = load("vaadin-i18n/translations_id.properties");
        assertThat(indonesian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        indonesian.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        english.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    }

    @Test
    void everyKeyUsedInTheCodeIsTranslated() throws IOException {
        Properties english = load("vaadin-i18n/translations.properties");
        Set<String> used = new HashSet<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("../tenant-model/src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                    Matcher problem =
                            Pattern.compile("\"(store\\.error\\.[a-zA-Z.]+)\"").matcher(Files.readString(file));
                    while (problem.find()) {
                        used.add(problem.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String key : used) {
            if (key.endsWith(".")) {
                // A prefix completed at run time (an enum name, a reason code): some keys must carry it.
                assertThat(english.stringPropertyNames()).as(key).anyMatch(k -> k.startsWith(key));
            } else {
                assertThat(english.stringPropertyNames()).as(key).contains(key);
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
