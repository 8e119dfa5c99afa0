package id.lapak.devices;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.config.InvalidConfigException;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * The device settings every store inherits (tenant layer, merchant admins only) and each store's own overrides.
 * Store managers see the tenant layer to know what they inherit, and change their own stores' layers.
 */
@Route("devices/settings")
@PageTitle("Lapak · Device settings")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class DeviceSettingsView extends VerticalLayout {

    /** A layer to edit: the whole tenant, or one store. */
    record Layer(ConfigScope scope, UUID id, String label) {}

    private final DeviceConfigService config;
    private final LapakUser user;
    private final UUID tenantId;
    private final ComboBox<Layer> layer = new ComboBox<>();
    private final ConfigLayerEditor editor;
    private final Paragraph readOnlyNote = new Paragraph();
    private final Button save = new Button();

    DeviceSettingsView(DeviceConfigService config, StoreService stores, TenantDirectory tenants) {
        this.config = config;
        this.editor = new ConfigLayerEditor(tenants.current().currency());
        this.user = CurrentUser.require();
        this.tenantId = user.tenantId().orElseThrow(() -> new AccessDeniedException("No tenant"));
        setId("device-settings");

        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(ConfigScope.TENANT, tenantId, getTranslation("settings.layer.tenant")));
        for (StoreDetails store : stores.find("", PageRequest.of(0, DevicesView.STORES_MAX, Sort.by("name")))
                .getContent()) {
            layers.add(new Layer(
                    ConfigScope.STORE,
                    store.id(),
                    store.active() ? store.name() : getTranslation("settings.layer.inactiveStore", store.name())));
        }
        layer.setId("settings-layer");
        layer.setLabel(getTranslation("settings.layer"));
        layer.setItems(layers);
        layer.setItemLabelGenerator(Layer::label);
        layer.setWidth("24rem");
        layer.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });

        readOnlyNote.setId("settings-read-only");
        readOnlyNote.setText(getTranslation(user instanceof ReadOnlyViewer ? "viewAs.readOnly" : "settings.readOnly"));
        save.setText(getTranslation("devices.save"));
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        add(
                new H2(getTranslation("settings.title")),
                new Paragraph(getTranslation("settings.explain")),
                layer,
                readOnlyNote,
                editor,
                save);

        // A store manager starts on their own store, the layer they can change.
        boolean admin = user.has(Role.MERCHANT_ADMIN);
        layer.setValue(!admin && layers.size() > 1 ? layers.get(1) : layers.getFirst());
    }

    private boolean editable(Layer chosen) {
        return user.mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER)
                && (chosen.scope() != ConfigScope.TENANT || user.has(Role.MERCHANT_ADMIN));
    }

    private void load(Layer chosen) {
        try {
            Map<String, JsonNode> tenantLayer = config.layer(ConfigScope.TENANT, tenantId);
            if (chosen.scope() == ConfigScope.TENANT) {
                editor.read(tenantLayer, ConfigValues.inherited(Map.of(), Map.of()));
            } else {
                editor.read(
                        config.layer(ConfigScope.STORE, chosen.id()), ConfigValues.inherited(tenantLayer, Map.of()));
            }
        } catch (StoreNotFoundException | AccessDeniedException e) {
            error(getTranslation("devices.storeNotFound"));
            return;
        }
        boolean editable = editable(chosen);
        editor.setReadOnly(!editable);
        readOnlyNote.setVisible(!editable);
        save.setVisible(editable);
    }

    private void save() {
        Layer chosen = layer.getValue();
        if (chosen == null || !editable(chosen)) {
            return;
        }
        var settings = editor.write();
        if (settings.isEmpty()) {
            return;
        }
        try {
            config.setLayer(chosen.scope(), chosen.id(), settings.get());
        } catch (InvalidConfigException e) {
            if (!editor.show(e)) {
                error(e.getMessage());
            }
            return;
        } catch (StoreNotFoundException e) {
            error(getTranslation("devices.storeNotFound"));
            return;
        } catch (AccessDeniedException e) {
            error(getTranslation("device.error.denied"));
            return;
        }
        load(chosen);
        Notification.show(getTranslation("settings.saved", chosen.label()), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
