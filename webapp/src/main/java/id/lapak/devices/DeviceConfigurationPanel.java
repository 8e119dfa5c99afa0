package id.lapak.devices;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.DeviceStatus;
import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.EffectiveValue;
import id.lapak.device.config.InvalidConfigException;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreNotFoundException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device's effective configuration in words (each setting, its value and where it comes from), the dialog that
 * edits the device's own layer, and the document the device receives.
 */
class DeviceConfigurationPanel extends VerticalLayout {

    private final DeviceDetails device;
    private final DeviceConfigService config;
    private final JsonMapper json;
    private final Currency currency;

    DeviceConfigurationPanel(DeviceDetails device, DeviceConfigService config, JsonMapper json, Currency currency) {
        this.device = device;
        this.config = config;
        this.json = json;
        this.currency = currency;
        setPadding(false);
        add(render());
    }

    private Component render() {
        Grid<EffectiveValue> grid = new Grid<>();
        grid.setId("device-config-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(v -> getTranslation("config.key." + v.key()))
                .setHeader(getTranslation("device.config.key"))
                .setFlexGrow(2);
        SettingWords words = new SettingWords(this::getTranslation, getLocale(), currency);
        grid.addColumn(v -> words.words(v.key(), v.value()))
                .setHeader(getTranslation("device.config.value"))
                .setFlexGrow(2);
        grid.addComponentColumn(v -> {
                    Span source = new Span(
                            getTranslation("config.source." + v.source().name()));
                    source.addClassNames(
                            "lapak-status", "lapak-source", v.source().name().toLowerCase(Locale.ROOT));
                    return source;
                })
                .setHeader(getTranslation("device.config.source"));
        grid.setItems(config.effective(device.id()));

        Button edit =
                new Button(getTranslation("device.config.edit"), VaadinIcon.SLIDERS.create(), e -> editOverrides(grid));
        edit.setId("device-config-edit");
        edit.setEnabled(device.status() != DeviceStatus.RETIRED);
        edit.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        Button preview = new Button(getTranslation("device.config.preview"), VaadinIcon.CODE.create(), e -> preview());
        preview.setId("device-config-preview");
        return new VerticalLayout(new HorizontalLayout(edit, preview), grid);
    }

    private void editOverrides(Grid<EffectiveValue> grid) {
        ConfigLayerEditor editor = new ConfigLayerEditor(currency);
        try {
            Map<String, JsonNode> tenantLayer = config.layer(ConfigScope.TENANT, device.tenantId());
            Map<String, JsonNode> storeLayer = config.layer(ConfigScope.STORE, device.storeId());
            editor.read(config.layer(ConfigScope.DEVICE, device.id()), ConfigValues.inherited(tenantLayer, storeLayer));
        } catch (DeviceNotFoundException | StoreNotFoundException | AccessDeniedException e) {
            DeviceView.error(getTranslation("device.notFound.text"));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("device-config-dialog");
        dialog.setHeaderTitle(getTranslation("device.config.edit"));
        dialog.setWidth("48rem");
        dialog.add(new Paragraph(getTranslation("device.config.explain")), editor);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> dialog.close());
        cancel.setId("device-config-cancel");
        Button save = new Button(getTranslation("devices.save"), e -> {
            var layer = editor.write();
            if (layer.isEmpty()) {
                return;
            }
            try {
                config.setLayer(ConfigScope.DEVICE, device.id(), layer.get());
            } catch (InvalidConfigException problem) {
                if (!editor.show(problem)) {
                    DeviceView.error(problem.getMessage());
                }
                return;
            } catch (DeviceNotFoundException | AccessDeniedException problem) {
                dialog.close();
                DeviceView.error(getTranslation("device.notFound.text"));
                return;
            }
            dialog.close();
            grid.setItems(config.effective(device.id()));
            DeviceView.success(getTranslation("device.config.saved"));
        });
        save.setId("device-config-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void preview() {
        Dialog dialog = new Dialog();
        dialog.setId("device-config-preview-dialog");
        dialog.setHeaderTitle(getTranslation("device.config.preview"));
        dialog.setWidth("48rem");
        Pre document = new Pre(pretty(config.preview(device.id())));
        document.addClassName("lapak-config-preview");
        dialog.add(document);
        Button close = new Button(getTranslation("devices.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private String pretty(String document) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(document));
        } catch (RuntimeException e) {
            return document;
        }
    }
}
