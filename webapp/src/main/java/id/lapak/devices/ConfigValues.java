package id.lapak.devices;

import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.ConfigSettings;
import id.lapak.device.config.EffectiveValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts between a setting's JSON value and what its input holds. The platform default's JSON type decides the
 * input, so a new setting gets a sensible field without touching the portal. Conversions that cannot succeed
 * throw {@link IllegalArgumentException} whose message is a translation key; an empty result means nothing was
 * entered.
 */
final class ConfigValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind {
        BOOLEAN,
        WHOLE_NUMBER,
        TEXT,
        NUMBER_LIST,
        TEXT_LIST,
        DATE
    }

    private ConfigValues() {}

    static Kind kind(JsonNode platformDefault) {
        // A null default means "optional"; the only such setting (app.requiredFrom) is a date.
        if (platformDefault == null || platformDefault.isNull()) {
            return Kind.DATE;
        }
        if (platformDefault.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (platformDefault.isIntegralNumber()) {
            return Kind.WHOLE_NUMBER;
        }
        if (platformDefault.isArray()) {
            return !platformDefault.isEmpty() && platformDefault.get(0).isIntegralNumber()
                    ? Kind.NUMBER_LIST
                    : Kind.TEXT_LIST;
        }
        return Kind.TEXT;
    }

    static JsonNode fromBoolean(Boolean value) {
        return NODES.booleanNode(Boolean.TRUE.equals(value));
    }

    static Optional<JsonNode> fromWholeNumber(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(number(value.stripTrailingZeros().longValueExact()));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("config.error.wholeNumber");
        }
    }

    /** Text is kept as typed apart from surrounding spaces; an empty text is a value (e.g. no receipt header). */
    static JsonNode fromText(String value) {
        return NODES.stringNode(value == null ? "" : value.strip());
    }

    /** "5, 10, 15" becomes [5, 10, 15] for a list of numbers and ["5", "10", "15"] for a list of texts. */
    static Optional<JsonNode> fromList(String text, Kind kind) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        ArrayNode array = NODES.arrayNode();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (kind == Kind.NUMBER_LIST) {
                try {
                    array.add(number(Long.parseLong(item)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("config.error.numberList");
                }
            } else {
                array.add(item);
            }
        }
        return array.isEmpty() ? Optional.empty() : Optional.of(array);
    }

    /** The smallest JSON number that holds the value, as Jackson reads it: 5 equals the default's 5. */
    private static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** No date is a value too: the setting is optional. */
    static JsonNode fromDate(LocalDate value) {
        return value == null ? NODES.nullNode() : NODES.stringNode(value.toString());
    }

    static Boolean toBoolean(JsonNode value) {
        return value != null && value.isBoolean() && value.booleanValue();
    }

    static BigDecimal toWholeNumber(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    static String toText(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }

    static String toList(JsonNode value) {
        if (value == null || !value.isArray()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            items.add(item.isString() ? item.asString() : item.toString());
        }
        return String.join(", ", items);
    }

    static LocalDate toDate(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * What a layer inherits from the layers above it: the platform defaults, overridden key by key by the tenant
     * layer and then the store layer (pass empty maps for the layers that do not apply).
     */
    static Map<String, EffectiveValue> inherited(Map<String, JsonNode> tenantLayer, Map<String, JsonNode> storeLayer) {
        Map<String, EffectiveValue> values = new LinkedHashMap<>();
        for (var setting : ConfigSettings.ALL.values()) {
            EffectiveValue value = new EffectiveValue(setting.key(), setting.platformDefault(), ConfigScope.PLATFORM);
            if (tenantLayer.containsKey(setting.key())) {
                value = new EffectiveValue(setting.key(), tenantLayer.get(setting.key()), ConfigScope.TENANT);
            }
            if (storeLayer.containsKey(setting.key())) {
                value = new EffectiveValue(setting.key(), storeLayer.get(setting.key()), ConfigScope.STORE);
            }
            values.put(setting.key(), value);
        }
        return values;
    }
}
