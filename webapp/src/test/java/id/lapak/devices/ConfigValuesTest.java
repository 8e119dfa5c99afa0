package id.lapak.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.ConfigSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a person types in the device settings becomes the JSON the device receives, and back. */
class ConfigValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ConfigValues.Kind kindOf(String key) {
        return ConfigValues.kind(ConfigSettings.ALL.get(key).platformDefault());
    }

    @Test
    void everySettingGetsTheInputItsDefaultCallsFor() {
        assertThat(kindOf("tipping.enabled")).isEqualTo(ConfigValues.Kind.BOOLEAN);
        assertThat(kindOf("offline.maxAmount")).isEqualTo(ConfigValues.Kind.WHOLE_NUMBER);
        assertThat(kindOf("receipt.footer")).isEqualTo(ConfigValues.Kind.TEXT);
        assertThat(kindOf("rebootWindow.start")).isEqualTo(ConfigValues.Kind.TEXT);
        assertThat(kindOf("tipping.presets")).isEqualTo(ConfigValues.Kind.NUMBER_LIST);
        assertThat(kindOf("entryModes")).isEqualTo(ConfigValues.Kind.TEXT_LIST);
        assertThat(kindOf("app.requiredFrom")).isEqualTo(ConfigValues.Kind.DATE);
    }

    @Test
    void tipPresetsTypedWithCommasBecomeAnArrayOfWholeNumbersTheRuleAccepts() {
        JsonNode presets = ConfigValues.fromList(" 5, 10,15 ,", ConfigValues.Kind.NUMBER_LIST)
                .orElseThrow();

        assertThat(presets).isEqualTo(json("[5, 10, 15]"));
        assertThat(ConfigSettings.ALL.get("tipping.presets").valid().test(presets))
                .isTrue();
        assertThat(ConfigValues.toList(presets)).isEqualTo("5, 10, 15");
    }

    @Test
    void entryModesBecomeAnArrayOfTexts() {
        JsonNode modes = ConfigValues.fromList("CHIP, CONTACTLESS", ConfigValues.Kind.TEXT_LIST)
                .orElseThrow();

        assertThat(modes).isEqualTo(json("[\"CHIP\", \"CONTACTLESS\"]"));
        assertThat(ConfigSettings.ALL.get("entryModes").valid().test(modes)).isTrue();
        assertThat(ConfigValues.toList(json("[\"CHIP\",\"SWIPE\"]"))).isEqualTo("CHIP, SWIPE");
    }

    @Test
    void aListThatIsNotNumbersIsRefusedWithATranslatableMessage() {
        assertThatThrownBy(() -> ConfigValues.fromList("5, ten", ConfigValues.Kind.NUMBER_LIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config.error.numberList");
    }

    @Test
    void blankInputIsNotAValue() {
        assertThat(ConfigValues.fromList("  ", ConfigValues.Kind.NUMBER_LIST)).isEmpty();
        assertThat(ConfigValues.fromList(" , ", ConfigValues.Kind.TEXT_LIST)).isEmpty();
        assertThat(ConfigValues.fromWholeNumber(null)).isEmpty();
    }

    @Test
    void wholeNumbersStayExactAndFractionsAreRefused() {
        assertThat(ConfigValues.fromWholeNumber(new BigDecimal("5000000000")).orElseThrow())
                .isEqualTo(json("5000000000"));
        assertThat(ConfigValues.fromWholeNumber(new BigDecimal("24.0"))
                        .orElseThrow()
                        .asLong())
                .isEqualTo(24);
        assertThatThrownBy(() -> ConfigValues.fromWholeNumber(new BigDecimal("2.5")))
                .hasMessage("config.error.wholeNumber");
        assertThat(ConfigValues.toWholeNumber(json("1000000"))).isEqualByComparingTo("1000000");
    }

    @Test
    void textIsTrimmedAndMayBeEmpty() {
        assertThat(ConfigValues.fromText("  Terima kasih ")).isEqualTo(json("\"Terima kasih\""));
        assertThat(ConfigValues.fromText(null)).isEqualTo(json("\"\""));
        assertThat(ConfigValues.toText(json("\"02:00\""))).isEqualTo("02:00");
    }

    @Test
    void anOptionalDateIsAnIsoTextOrNull() {
        JsonNode date = ConfigValues.fromDate(LocalDate.of(2026, 12, 31));

        assertThat(date).isEqualTo(json("\"2026-12-31\""));
        assertThat(ConfigValues.fromDate(null).isNull()).isTrue();
        assertThat(ConfigSettings.ALL.get("app.requiredFrom").valid().test(ConfigValues.fromDate(null)))
                .isTrue();
        assertThat(ConfigValues.toDate(date)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ConfigValues.toDate(json("null"))).isNull();
    }

    @Test
    void booleansDefaultToOff() {
        assertThat(ConfigValues.fromBoolean(null)).isEqualTo(json("false"));
        assertThat(ConfigValues.toBoolean(json("true"))).isTrue();
    }

    @Test
    void aLayerInheritsTheNarrowestLayerAboveIt() {
        var inherited = ConfigValues.inherited(
                Map.of("tipping.enabled", json("true"), "offline.maxCount", json("10")),
                Map.of("offline.maxCount", json("20")));

        assertThat(inherited).containsOnlyKeys(ConfigSettings.ALL.keySet());
        assertThat(inherited.get("tipping.enabled").source()).isEqualTo(ConfigScope.TENANT);
        assertThat(inherited.get("offline.maxCount").value()).isEqualTo(json("20"));
        assertThat(inherited.get("offline.maxCount").source()).isEqualTo(ConfigScope.STORE);
        assertThat(inherited.get("receipt.footer").source()).isEqualTo(ConfigScope.PLATFORM);
        assertThat(inherited.get("tipping.presets").value()).isEqualTo(json("[5, 10, 15]"));
    }

    @Test
    void lastSeenReadsAsMinutesHoursOrDays() {
        var now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        assertThat(DeviceTimes.ago(null, now).key()).isEqualTo("devices.time.never");
        assertThat(DeviceTimes.ago(now.minusSeconds(20), now).key()).isEqualTo("devices.time.justNow");
        assertThat(DeviceTimes.ago(now.plusSeconds(5), now).key()).isEqualTo("devices.time.justNow");
        assertThat(DeviceTimes.ago(now.minusSeconds(180), now))
                .isEqualTo(new DeviceTimes.Ago("devices.time.minutes", 3));
        assertThat(DeviceTimes.ago(now.minusSeconds(3 * 3600 + 5), now))
                .isEqualTo(new DeviceTimes.Ago("devices.time.hours", 3));
        assertThat(DeviceTimes.ago(now.minusSeconds(50 * 3600), now))
                .isEqualTo(new DeviceTimes.Ago("devices.time.days", 2));
    }
}
