package id.lapak.devices;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.config.ConfigSettings;
import id.lapak.i18n.PortalWords;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SettingWordsTest {

    private static final Currency IDR = Currency.getInstance("IDR");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SettingWords english = new SettingWords(PortalWords.english(), Locale.ENGLISH, IDR);
    private final SettingWords indonesian = new SettingWords(PortalWords.indonesian(), PortalWords.INDONESIAN, IDR);

    @Test
    void switchesReadAsOnAndOff() {
        assertThat(english.words("tipping.enabled", json("true"))).isEqualTo("On");
        assertThat(english.words("tipping.enabled", json("false"))).isEqualTo("Off");
        assertThat(indonesian.words("tipping.enabled", json("true"))).isEqualTo("Aktif");
        assertThat(indonesian.words("tipping.enabled", json("false"))).isEqualTo("Nonaktif");
    }

    @Test
    void entryModesReadAsWordsInTheirLanguage() {
        JsonNode all = json("[\"CHIP\",\"CONTACTLESS\",\"SWIPE\"]");
        assertThat(english.words("entryModes", all)).isEqualTo("Chip, Contactless (tap), Swipe");
        assertThat(indonesian.words("entryModes", all)).isEqualTo("Chip, Nirsentuh (tap), Gesek");
    }

    @Test
    void theOfflineLimitIsAnAmountInTheTenantsCurrency() {
        assertThat(english.words("offline.maxAmount", json("1000000"))).isEqualTo("IDR 1,000,000");
        assertThat(indonesian.words("offline.maxAmount", json("1000000"))).isEqualTo("Rp 1.000.000");
    }

    @Test
    void emptyAndMissingValuesAreSaidInWords() {
        assertThat(english.words("receipt.header", json("\"\""))).isEqualTo("empty");
        assertThat(indonesian.words("receipt.header", json("\"\""))).isEqualTo("kosong");
        assertThat(english.words("app.requiredFrom", json("null"))).isEqualTo("not set");
        assertThat(english.words("app.requiredFrom", null)).isEqualTo("not set");
    }

    @Test
    void percentagesDatesAndNumbersReadNaturally() {
        assertThat(english.words("tipping.presets", json("[5,10,15]"))).isEqualTo("5 %, 10 %, 15 %");
        assertThat(english.words("app.requiredFrom", json("\"2026-12-31\""))).isEqualTo("Dec 31, 2026");
        assertThat(indonesian.words("app.requiredFrom", json("\"2026-12-31\""))).isEqualTo("31 Des 2026");
        assertThat(english.words("offline.maxCount", json("10000"))).isEqualTo("10,000");
        assertThat(english.words("receipt.footer", json("\"Terima kasih\""))).isEqualTo("Terima kasih");
    }

    /** No platform default reaches the page as JSON, in either language. */
    @Test
    void noSettingShowsJson() {
        for (var setting : ConfigSettings.ALL.values()) {
            for (SettingWords words : new SettingWords[] {english, indonesian}) {
                String text = words.words(setting.key(), setting.platformDefault());
                assertThat(text)
                        .as(setting.key())
                        .isNotBlank()
                        .doesNotContain("[", "]", "\"", "{", "true", "false", "null", "CHIP", "CONTACTLESS");
            }
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
