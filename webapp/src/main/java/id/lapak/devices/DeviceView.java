package id.lapak.devices;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.DeviceService;
import id.lapak.device.DeviceStateException;
import id.lapak.device.DeviceStatus;
import id.lapak.device.DeviceTimeline;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.keys.ReaderKeyService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One device: what it last reported, what can be done to it, its effective configuration and its timeline. The
 * buttons follow the service's rules (store managers neither move nor retire; a retired device stays as it is),
 * and the service checks them again.
 */
@Route("devices/:deviceId")
@PageTitle("Lapak · Device")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class DeviceView extends VerticalLayout implements BeforeEnterObserver {

    static final String DEVICE_ID = "deviceId";
    private static final int TIMELINE_LIMIT = 200;

    private final DeviceService devices;
    private final DeviceConfigService config;
    private final StoreService stores;
    private final TenantDirectory tenants;
    private final ReaderKeyService readerKeys;
    private final SalesService sales;
    private final JsonMapper json;
    private final boolean admin;
    private ZoneId zone;
    private DeviceDetails device;
    private Map<UUID, StoreDetails> storesById = Map.of();

    DeviceView(
            DeviceService devices,
            DeviceConfigService config,
            StoreService stores,
            TenantDirectory tenants,
            ReaderKeyService readerKeys,
            SalesService sales,
            JsonMapper json) {
        this.sales = sales;
        this.devices = devices;
        this.json = json;
        this.config = config;
        this.stores = stores;
        this.tenants = tenants;
        this.readerKeys = readerKeys;
        this.admin = CurrentUser.require().has(Role.MERCHANT_ADMIN);
        setId("device");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get(DEVICE_ID).flatMap(DeviceView::uuid);
        zone = tenants.current().timeZone();
        storesById = stores.find("", PageRequest.of(0, DevicesView.STORES_MAX, Sort.by("name"))).getContent().stream()
                .collect(Collectors.toMap(StoreDetails::id, Function.identity()));
        try {
            device = devices.get(id.orElseThrow(() -> new DeviceNotFoundException(null)));
        } catch (DeviceNotFoundException e) {
            notFound();
            return;
        }
        render();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void notFound() {
        removeAll();
        device = null;
        H2 title = new H2(getTranslation("device.notFound.title"));
        Paragraph text = new Paragraph(getTranslation("device.notFound.text"));
        Anchor back = new Anchor("devices", getTranslation("device.back"));
        back.setId("device-back");
        VerticalLayout box = new VerticalLayout(title, text, back);
        box.setId("device-not-found");
        add(box);
    }

    private void render() {
        removeAll();
        Instant now = Instant.now();
        H2 name = new H2(device.name());
        name.setId("device-name");
        PresenceBadge badge = new PresenceBadge(device, now);
        badge.setId("device-presence");
        Anchor back = new Anchor("devices", getTranslation("device.back"));
        back.setId("device-back");
        HorizontalLayout header = new HorizontalLayout(name, badge);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        StoreDetails store = storesById.get(device.storeId());
        add(back, header, actions(), new DeviceDetailsPanel(device, store, zone, readerKeys.current(device.id()), now));
        add(
                new H3(getTranslation("device.config.title")),
                new DeviceConfigurationPanel(device, config, json, currency()));
        add(new H3(getTranslation("device.offline.title")), new OfflinePaymentsPanel(device, zone, sales));
        add(new H3(getTranslation("device.timeline.title")), timeline());
    }

    private Component actions() {
        boolean retired = device.status() == DeviceStatus.RETIRED;
        Button rename = new Button(getTranslation("device.rename"), VaadinIcon.EDIT.create(), e -> rename());
        rename.setId("device-rename");
        rename.setEnabled(!retired);
        Button move = new Button(getTranslation("device.move"), VaadinIcon.EXCHANGE.create(), e -> move());
        move.setId("device-move");
        move.setVisible(admin);
        move.setEnabled(!retired);
        Button revoke = new Button(
                getTranslation("device.revoke"),
                VaadinIcon.BAN.create(),
                e -> confirm(
                        "device-revoke-confirm",
                        "device.revoke",
                        "device.revoke.confirm",
                        "device.revoked",
                        reason -> devices.revoke(device.id(), reason)));
        revoke.setId("device-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(device.status() == DeviceStatus.ACTIVE);
        Button retire = new Button(
                getTranslation("device.retire"),
                VaadinIcon.ARCHIVE.create(),
                e -> confirm(
                        "device-retire-confirm",
                        "device.retire",
                        "device.retire.confirm",
                        "device.retired",
                        reason -> devices.retire(device.id(), reason)));
        retire.setId("device-retire");
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        retire.setVisible(admin);
        retire.setEnabled(!retired);
        HorizontalLayout actions = new HorizontalLayout(rename, move, revoke, retire);
        actions.setId("device-actions");
        actions.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        return actions;
    }

    /** The tenant's currency, in which the offline payment limit is set. */
    private Currency currency() {
        return tenants.current().currency();
    }

    private Component timeline() {
        DateTimeFormatter exact = DeviceTimes.dateTime(getLocale(), zone);
        Grid<DeviceTimeline.Entry> grid = new Grid<>();
        grid.setId("device-timeline");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("24rem");
        grid.addColumn(e -> exact.format(e.occurredAt())).setHeader(getTranslation("device.timeline.time"));
        TimelineSentences sentences = new TimelineSentences(this::getTranslation);
        grid.addColumn(e -> sentences.sentence(e.kind(), e.detail()))
                .setHeader(getTranslation("device.timeline.kind"))
                .setFlexGrow(4);
        grid.addColumn(e -> sentences.actor(e.actor())).setHeader(getTranslation("device.timeline.actor"));
        grid.setEmptyStateText(getTranslation("device.timeline.empty"));
        grid.setItems(devices.timeline(device.id(), TIMELINE_LIMIT));
        return grid;
    }

    private void rename() {
        Dialog dialog = new Dialog();
        dialog.setId("device-rename-dialog");
        dialog.setHeaderTitle(getTranslation("device.rename"));
        TextField name = new TextField(getTranslation("device.field.name"));
        name.setId("device-rename-name");
        name.setMaxLength(DeviceService.NAME_MAX);
        name.setRequired(true);
        name.setValue(device.name());
        name.setWidthFull();
        dialog.add(name);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> dialog.close());
        Button save = new Button(
                getTranslation("devices.save"),
                e -> act(dialog, name, () -> devices.rename(device.id(), name.getValue()), "device.renamed"));
        save.setId("device-rename-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    private void move() {
        Dialog dialog = new Dialog();
        dialog.setId("device-move-dialog");
        dialog.setHeaderTitle(getTranslation("device.move"));
        ComboBox<StoreDetails> target = new ComboBox<>(getTranslation("device.move.store"));
        target.setId("device-move-store");
        List<StoreDetails> active = storesById.values().stream()
                .filter(s -> s.active() && !s.id().equals(device.storeId()))
                .sorted(Comparator.comparing(StoreDetails::name))
                .toList();
        target.setItems(active);
        target.setItemLabelGenerator(StoreDetails::name);
        target.setRequired(true);
        target.setWidthFull();
        dialog.add(new Paragraph(getTranslation("device.move.explain")), target);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> dialog.close());
        Button save = new Button(getTranslation("device.move"), e -> {
            if (target.getValue() == null) {
                target.setErrorMessage(getTranslation("devices.pairing.chooseStore"));
                target.setInvalid(true);
                return;
            }
            act(
                    dialog,
                    target,
                    () -> devices.move(device.id(), target.getValue().id()),
                    "device.moved");
        });
        save.setId("device-move-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** Revoking and retiring cannot be undone: both ask first and need a reason for the timeline. */
    private void confirm(String id, String titleKey, String textKey, String successKey, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(getTranslation(titleKey));
        TextArea reason = new TextArea(getTranslation("device.reason"));
        reason.setId("device-reason");
        reason.setRequired(true);
        reason.setMaxLength(DeviceService.REASON_MAX);
        reason.setWidthFull();
        dialog.add(new Paragraph(getTranslation(textKey, device.name())), reason);
        Button cancel = new Button(getTranslation("devices.cancel"), e -> dialog.close());
        cancel.setId("device-confirm-cancel");
        Button ok = new Button(getTranslation(titleKey), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("device.error.reason"));
                reason.setInvalid(true);
                return;
            }
            act(dialog, reason, () -> action.accept(reason.getValue()), successKey);
        });
        ok.setId("device-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, ok);
        dialog.setWidth("32rem");
        dialog.open();
    }

    /**
     * Runs one change and shows its outcome: a refused input on the field, a changed situation (the device was
     * revoked or moved meanwhile) as a message, then the page shows the device as it now is.
     */
    private void act(Dialog dialog, HasValidation field, Runnable change, String successKey) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            if (field != null) {
                field.setErrorMessage(getTranslation(e.getMessage()));
                field.setInvalid(true);
            } else {
                error(getTranslation(e.getMessage()));
            }
            return;
        } catch (DeviceNotFoundException | StoreNotFoundException e) {
            close(dialog);
            refresh();
            error(getTranslation("device.notFound.text"));
            return;
        } catch (DeviceStateException e) {
            close(dialog);
            refresh();
            error(getTranslation(
                    e.getMessage() != null && e.getMessage().startsWith("device.error.")
                            ? e.getMessage()
                            : "device.error.state"));
            return;
        } catch (AccessDeniedException e) {
            close(dialog);
            error(getTranslation("device.error.denied"));
            return;
        }
        close(dialog);
        refresh();
        if (device != null) {
            success(getTranslation(successKey, device.name()));
        }
    }

    private static void close(Dialog dialog) {
        if (dialog != null) {
            dialog.close();
        }
    }

    private void refresh() {
        try {
            device = devices.get(device.id());
            render();
        } catch (DeviceNotFoundException e) {
            notFound();
        }
    }

    static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
