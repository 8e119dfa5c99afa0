package id.lapak.devices;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.NewPairingCode;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Adding a device: pick the store, optionally name the device, and get a one-time code to type on the device. The
 * clear code exists only in this dialog; closing it is the only way to lose it, so a new one is one click away.
 */
class PairingDialog extends Dialog {

    private final PairingCodes pairing;
    private final ZoneId zone;
    final ComboBox<StoreDetails> store = new ComboBox<>();
    final TextField deviceName = new TextField();
    private final Div result = new Div();
    private final FormLayout form = new FormLayout();
    final Button create = new Button();

    PairingDialog(PairingCodes pairing, List<StoreDetails> activeStores, ZoneId zone) {
        this.pairing = pairing;
        this.zone = zone;
        setId("add-device-dialog");
        setHeaderTitle(getTranslation("devices.add"));
        setWidth("32rem");

        store.setId("pairing-store");
        store.setItems(activeStores);
        store.setItemLabelGenerator(StoreDetails::name);
        store.setRequiredIndicatorVisible(true);
        store.setWidthFull();
        if (activeStores.size() == 1) {
            store.setValue(activeStores.getFirst());
        }
        deviceName.setId("pairing-device-name");
        deviceName.setMaxLength(DeviceService.NAME_MAX);
        deviceName.setHelperText(getTranslation("devices.pairing.nameHelp"));
        deviceName.setWidthFull();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addFormItem(store, getTranslation("devices.pairing.store"));
        form.addFormItem(deviceName, getTranslation("devices.pairing.name"));
        result.setId("pairing-result");
        result.setVisible(false);
        add(form, result);

        create.setText(getTranslation("devices.pairing.create"));
        create.setId("create-pairing-code");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            if (result.isVisible()) {
                startOver();
            } else {
                create();
            }
        });
        Button close = new Button(getTranslation("devices.close"), e -> close());
        close.setId("pairing-close");
        getFooter().add(close, create);
    }

    private void create() {
        store.setInvalid(false);
        deviceName.setInvalid(false);
        if (store.getValue() == null) {
            store.setErrorMessage(getTranslation("devices.pairing.chooseStore"));
            store.setInvalid(true);
            return;
        }
        NewPairingCode code;
        try {
            code = pairing.create(store.getValue().id(), deviceName.getValue());
        } catch (IllegalArgumentException e) {
            boolean aboutName = "device.error.name".equals(e.getMessage());
            HasValidation field = aboutName ? deviceName : store;
            field.setErrorMessage(getTranslation(e.getMessage()));
            field.setInvalid(true);
            return;
        } catch (StoreNotFoundException e) {
            store.setErrorMessage(getTranslation("devices.storeNotFound"));
            store.setInvalid(true);
            return;
        }
        showCode(code, store.getValue().name());
    }

    private void showCode(NewPairingCode code, String storeName) {
        Span display = new Span(code.displayCode());
        display.setId("pairing-code");
        display.addClassName("lapak-pairing-code");
        long minutes = Math.max(
                1,
                Duration.between(Instant.now(), code.expiresAt())
                        .plusSeconds(30)
                        .toMinutes());
        Span expires = new Span(getTranslation(
                "devices.pairing.validUntil",
                DeviceTimes.time(getLocale(), zone).format(code.expiresAt()),
                minutes));
        expires.setId("pairing-expires");
        Paragraph instructions = new Paragraph(getTranslation("devices.pairing.instructions", storeName));
        instructions.setId("pairing-instructions");
        result.removeAll();
        Span label = new Span(getTranslation("devices.pairing.code"));
        label.addClassName("lapak-pairing-label");
        result.add(label, display, new Div(expires), instructions);
        result.setVisible(true);
        form.setVisible(false);
        // The same button then starts over with the same store chosen, so a second code is a deliberate act.
        create.setText(getTranslation("devices.pairing.another"));
        create.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    private void startOver() {
        result.setVisible(false);
        result.removeAll();
        form.setVisible(true);
        create.setText(getTranslation("devices.pairing.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }
}
