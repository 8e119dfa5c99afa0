package id.lapak.device.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every setting a layer may hold, with its platform default and its rule. Keys are dotted paths into the device's
 * configuration document ({@code tipping.enabled} is {@code config.tipping.enabled}).
 */
public final class ConfigSettings {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VERSION = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,3}");
    private static final Set<String> ENTRY_MODES = Set.of("CHIP", "CONTACTLESS", "SWIPE");
    /** The receipt languages: Indonesian, English, or "" for whoever reads it (the device's or the page's). */
    public static final List<String> RECEIPT_LANGUAGES = List.of("", "id", "en");

    /** One setting: its platform default and what a layer may set it to. */
    public record Setting(String key, JsonNode platformDefault, String rule, Predicate<JsonNode> valid) {}

    public static final Map<String, Setting> ALL;

    static {
        Map<String, Setting> all = new LinkedHashMap<>();
        add(
                all,
                "receipt.header",
                NODES.stringNode(""),
                "text, at most 200 characters",
                n -> n.isString() && n.asString().length() <= 200);
        add(
                all,
                "receipt.footer",
                NODES.stringNode("Terima kasih"),
                "text, at most 200 characters",
                n -> n.isString() && n.asString().length() <= 200);
        add(
                all,
                "receipt.language",
                NODES.stringNode(""),
                "id or en, or empty for the language of whoever reads the receipt",
                n -> n.isString() && RECEIPT_LANGUAGES.contains(n.asString()));
        add(all, "tipping.enabled", NODES.booleanNode(false), "true or false", JsonNode::isBoolean);
        add(
                all,
                "tipping.presets",
                NODES.arrayNode().add(5).add(10).add(15),
                "up to 5 whole percentages between 1 and 100",
                ConfigSettings::presets);
        add(
                all,
                "offline.maxAmount",
                NODES.numberNode(1_000_000L),
                "a whole amount in minor units, 0 or more (0 disables offline payments)",
                n -> n.isIntegralNumber() && n.asLong() >= 0);
        add(
                all,
                "offline.maxCount",
                NODES.numberNode(50),
                "a whole number between 0 and 10000",
                n -> n.isIntegralNumber() && n.asLong() >= 0 && n.asLong() <= 10_000);
        add(
                all,
                "offline.maxAgeHours",
                NODES.numberNode(24),
                "a whole number of hours between 1 and 168",
                n -> n.isIntegralNumber() && n.asLong() >= 1 && n.asLong() <= 168);
        add(
                all,
                "entryModes",
                NODES.arrayNode().add("CHIP").add("CONTACTLESS").add("SWIPE"),
                "one or more of CHIP, CONTACTLESS, SWIPE",
                ConfigSettings::entryModes);
        add(
                all,
                "app.minimumVersion",
                NODES.stringNode("1.0.0"),
                "a version such as 1.4.0",
                n -> n.isString() && VERSION.matcher(n.asString()).matches());
        add(
                all,
                "app.requiredFrom",
                NODES.nullNode(),
                "a date such as 2026-12-31, or empty",
                n -> n.isNull() || n.isString() && date(n.asString()));
        add(
                all,
                "rebootWindow.start",
                NODES.stringNode("02:00"),
                "a time such as 02:00",
                n -> n.isString() && time(n.asString()));
        add(
                all,
                "rebootWindow.end",
                NODES.stringNode("04:00"),
                "a time such as 04:00",
                n -> n.isString() && time(n.asString()));
        ALL = Collections.unmodifiableMap(all);
    }

    private ConfigSettings() {}

    private static void add(
            Map<String, Setting> all, String key, JsonNode platformDefault, String rule, Predicate<JsonNode> valid) {
        all.put(key, new Setting(key, platformDefault, rule, valid));
    }

    /** Checks a whole layer; the message names the first bad key and what it accepts. */
    public static void validate(Map<String, JsonNode> layer) {
        for (var entry : layer.entrySet()) {
            Setting setting = ALL.get(entry.getKey());
            if (setting == null) {
                throw new InvalidConfigException(entry.getKey(), "is not a known setting");
            }
            JsonNode value = entry.getValue();
            if (value == null || !setting.valid().test(value)) {
                throw new InvalidConfigException(entry.getKey(), "must be " + setting.rule());
            }
        }
    }

    private static boolean presets(JsonNode n) {
        if (!n.isArray() || n.size() > 5) {
            return false;
        }
        for (JsonNode p : n) {
            if (!p.isIntegralNumber() || p.asInt() < 1 || p.asInt() > 100) {
                return false;
            }
        }
        return true;
    }

    private static boolean entryModes(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            return false;
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode m : n) {
            if (!m.isString() || !ENTRY_MODES.contains(m.asString()) || seen.contains(m.asString())) {
                return false;
            }
            seen.add(m.asString());
        }
        return true;
    }

    private static boolean date(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean time(String value) {
        try {
            return value.length() == 5 && LocalTime.parse(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
