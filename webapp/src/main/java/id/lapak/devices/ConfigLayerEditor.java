package id.lapak.devices;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.device.config.ConfigSettings;
import id.lapak.device.config.ConfigSettings.Setting;
import id.lapak.device.config.EffectiveValue;
import id.lapak.device.config.InvalidConfigException;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import id.lapak.ui.Localized;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Edits one configuration layer (tenant, store or device): a row per known setting with an "Override" switch, an
 * input typed by the setting's default, and the value the layer would otherwise inherit. Only overridden settings
 * are written, so clearing a switch hands the setting back to the layer above.
 *
 * <p>No {@code Binder} here: the rows come from {@link ConfigSettings#ALL} rather than from a record's fields, and
 * each row converts on its own (see docs/decisions/0006-device-settings-editor.md).
 */
class ConfigLayerEditor extends Composite<FormLayout> {

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Currency currency;
    private final SettingWords words;
    private boolean readOnly;

    /** {@code currency} is the tenant's: the offline payment limit is an amount in it. */
    ConfigLayerEditor(Currency currency) {
        this.currency = currency;
        this.words = new SettingWords(this::getTranslation, getLocale(), currency);
        FormLayout form = getContent();
        form.setId("config-layer-editor");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (Setting setting : ConfigSettings.ALL.values()) {
            Row row = new Row(setting);
            rows.put(setting.key(), row);
            form.addFormItem(row.layout, getTranslation("config.key." + setting.key()));
        }
    }

    /** Shows a layer's own values over what it inherits from the layers above. */
    void read(Map<String, JsonNode> own, Map<String, EffectiveValue> inherited) {
        clearProblems();
        rows.values().forEach(row -> row.read(own.get(row.setting.key()), inherited.get(row.setting.key())));
    }

    /** Only the overridden settings, as JSON; empty after marking the rows that cannot be converted or are invalid. */
    Optional<Map<String, JsonNode>> write() {
        clearProblems();
        Map<String, JsonNode> layer = new LinkedHashMap<>();
        boolean ok = true;
        for (Row row : rows.values()) {
            if (!row.override.getValue()) {
                continue;
            }
            try {
                Optional<JsonNode> value = row.value.get();
                if (value.isEmpty()) {
                    row.problem(getTranslation("config.error.required"));
                    ok = false;
                } else if (!row.setting.valid().test(value.get())) {
                    row.problem(getTranslation("config.error.invalid", rule(row.setting)));
                    ok = false;
                } else {
                    layer.put(row.setting.key(), value.get());
                }
            } catch (IllegalArgumentException e) {
                row.problem(getTranslation(e.getMessage()));
                ok = false;
            }
        }
        return ok ? Optional.of(layer) : Optional.empty();
    }

    /** Marks the refused setting; false when the key is not one of the rows (then the caller shows the message). */
    boolean show(InvalidConfigException problem) {
        Row row = rows.get(problem.key());
        if (row == null) {
            return false;
        }
        Setting setting = ConfigSettings.ALL.get(problem.key());
        row.problem(getTranslation("config.error.invalid", rule(setting)));
        return true;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        rows.values().forEach(Row::applyState);
    }

    private static final String AMOUNT = "offline.maxAmount";
    private static final String RECEIPT_LANGUAGE = "receipt.language";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Optional<JsonNode> amount(BigDecimal major) {
        if (major == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NODES.numberNode(Money.ofMajor(major, currency).minor()));
        } catch (MoneyFormatException e) {
            throw new IllegalArgumentException("config.error.amount");
        }
    }

    private static Optional<JsonNode> entryModes(Set<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode array = NODES.arrayNode();
        SettingWords.ENTRY_MODES.stream().filter(chosen::contains).forEach(array::add);
        return Optional.of(array);
    }

    private static Set<String> entryModesOf(JsonNode value) {
        Set<String> modes = new LinkedHashSet<>();
        if (value != null && value.isArray()) {
            value.forEach(mode -> {
                if (mode.isString()) {
                    modes.add(mode.asString());
                }
            });
        }
        return modes;
    }

    private String rule(Setting setting) {
        return getTranslation("config.rule." + setting.key());
    }

    private void clearProblems() {
        rows.values().forEach(Row::clearProblem);
    }

    /** One setting: its switch, its typed input, and what it inherits. */
    /** A setting's field, how to read a value out of it (empty: not readable) and how to show one in it. */
    private record Input(Component field, Supplier<Optional<JsonNode>> value, Consumer<JsonNode> show) {}

    /** The field for a setting of this kind: check box, number, amount, entry modes, list, date, choice or text. */
    private Input input(Setting setting, ConfigValues.Kind kind) {
        return switch (kind) {
            case BOOLEAN -> {
                Checkbox field = new Checkbox(getTranslation("config.enabled"));
                yield new Input(
                        field,
                        () -> Optional.of(ConfigValues.fromBoolean(field.getValue())),
                        v -> field.setValue(ConfigValues.toBoolean(v)));
            }
            case WHOLE_NUMBER -> wholeNumber(setting);
            case TEXT_LIST -> {
                // The only list of texts is the card entry modes: one check box per mode, in words.
                CheckboxGroup<String> field = new CheckboxGroup<>();
                field.setItems(SettingWords.ENTRY_MODES);
                field.setItemLabelGenerator(words::entryMode);
                field.setHelperText(rule(setting));
                yield new Input(field, () -> entryModes(field.getValue()), v -> field.setValue(entryModesOf(v)));
            }
            case NUMBER_LIST -> {
                TextField field = new TextField();
                field.setHelperText(rule(setting));
                field.setPlaceholder(getTranslation("config.list.placeholder"));
                yield new Input(
                        field,
                        () -> ConfigValues.fromList(field.getValue(), kind),
                        v -> field.setValue(ConfigValues.toList(v)));
            }
            case DATE -> {
                DatePicker field = Localized.datePicker(new DatePicker());
                field.setClearButtonVisible(true);
                field.setHelperText(rule(setting));
                yield new Input(
                        field,
                        () -> Optional.of(ConfigValues.fromDate(field.getValue())),
                        v -> field.setValue(ConfigValues.toDate(v)));
            }
            default -> RECEIPT_LANGUAGE.equals(setting.key()) ? receiptLanguage(setting) : text(setting);
        };
    }

    private Input wholeNumber(Setting setting) {
        BigDecimalField field = new BigDecimalField();
        field.setHelperText(rule(setting));
        if (AMOUNT.equals(setting.key())) {
            // An amount: typed in the currency's major units, kept in its minor units.
            field.setPrefixComponent(new Span(currency.getSymbol(getLocale())));
            return new Input(
                    field,
                    () -> amount(field.getValue()),
                    v -> field.setValue(
                            v != null && v.isIntegralNumber()
                                    ? Money.of(v.longValue(), currency).major()
                                    : null));
        }
        return new Input(
                field,
                () -> ConfigValues.fromWholeNumber(field.getValue()),
                v -> field.setValue(ConfigValues.toWholeNumber(v)));
    }

    /** A choice of three, in words. */
    private Input receiptLanguage(Setting setting) {
        Select<String> field = new Select<>();
        field.setItems(ConfigSettings.RECEIPT_LANGUAGES);
        field.setItemLabelGenerator(words::receiptLanguage);
        field.setHelperText(rule(setting));
        return new Input(
                field,
                () -> Optional.of(ConfigValues.fromText(field.getValue() == null ? "" : field.getValue())),
                v -> field.setValue(
                        v != null && v.isString() && ConfigSettings.RECEIPT_LANGUAGES.contains(v.asString())
                                ? v.asString()
                                : ""));
    }

    private Input text(Setting setting) {
        TextField field = new TextField();
        field.setHelperText(rule(setting));
        return new Input(
                field,
                () -> Optional.of(ConfigValues.fromText(field.getValue())),
                v -> field.setValue(ConfigValues.toText(v)));
    }

    private final class Row {

        final Setting setting;
        final Checkbox override = new Checkbox(getTranslation("config.override"));
        final Span inheritedText = new Span();
        final HorizontalLayout layout;
        final Component input;
        final Supplier<Optional<JsonNode>> value;
        final Consumer<JsonNode> show;
        EffectiveValue inherited;

        Row(Setting setting) {
            this.setting = setting;
            String id = setting.key().replace('.', '-');
            ConfigValues.Kind kind = ConfigValues.kind(setting.platformDefault());
            Input made = input(setting, kind);
            input = made.field();
            value = made.value();
            show = made.show();
            input.setId("config-" + id);
            override.setId("config-override-" + id);
            if (input instanceof HasTooltip tooltip && kind == ConfigValues.Kind.BOOLEAN) {
                tooltip.setTooltipText(rule(setting));
            }
            inheritedText.addClassName("lapak-config-inherited");
            override.addValueChangeListener(e -> {
                if (e.isFromClient() && !e.getValue() && inherited != null) {
                    // Handing the setting back: show what the layer above gives it again.
                    show.accept(inherited.value());
                    clearProblem();
                }
                applyState();
            });
            layout = new HorizontalLayout(override, input, inheritedText);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            layout.setWidthFull();
        }

        void read(JsonNode own, EffectiveValue inherited) {
            this.inherited = inherited;
            override.setValue(own != null);
            show.accept(own != null ? own : inherited == null ? null : inherited.value());
            if (inherited != null) {
                inheritedText.setText(getTranslation(
                        "config.inherited",
                        words.words(setting.key(), inherited.value()),
                        getTranslation("config.source." + inherited.source().name())));
            }
            applyState();
        }

        void applyState() {
            override.setReadOnly(readOnly);
            ((HasEnabled) input).setEnabled(override.getValue() && !readOnly);
            inheritedText.setVisible(!override.getValue());
        }

        void problem(String message) {
            if (input instanceof HasValidation field) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }

        void clearProblem() {
            if (input instanceof HasValidation field) {
                field.setInvalid(false);
                field.setErrorMessage(null);
            }
        }
    }
}
