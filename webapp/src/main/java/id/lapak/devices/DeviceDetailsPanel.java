package id.lapak.devices;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceStatus;
import id.lapak.device.keys.InjectedReaderKey;
import id.lapak.tenant.store.StoreDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/** What a device last reported: its store, hardware and app, battery and connection, clock, reader key and status. */
class DeviceDetailsPanel extends VerticalLayout {

    /** The connections a heartbeat names, each with words of its own. */
    private static final Set<String> NETWORKS = Set.of("WIFI", "CELLULAR", "ETHERNET", "NONE");

    private final DeviceDetails device;
    private final StoreDetails store;
    private final ZoneId zone;
    private final Optional<InjectedReaderKey> key;

    DeviceDetailsPanel(
            DeviceDetails device, StoreDetails store, ZoneId zone, Optional<InjectedReaderKey> key, Instant now) {
        this.device = device;
        this.store = store;
        this.zone = zone;
        this.key = key;
        setPadding(false);
        add(render(now));
    }

    private FormLayout render(Instant now) {
        DateTimeFormatter exact = DeviceTimes.dateTime(getLocale(), zone);
        FormLayout details = new FormLayout();
        details.setId("device-details");
        hardware(details);
        batteryAndConnection(details);
        times(details, exact, now);
        readerKey(details, exact);
        if (device.status() != DeviceStatus.ACTIVE) {
            item(
                    details,
                    "device-status-reason",
                    "device.field.statusReason",
                    device.statusReason()
                            + (device.statusChangedAt() == null ? "" : " · " + exact.format(device.statusChangedAt())));
        }
        return details;
    }

    /** Where the device stands and what it is made of: store, model, serial, system, app and reader. */
    private void hardware(FormLayout details) {
        item(details, "device-store", "device.field.store", store == null ? null : store.name());
        item(details, "device-model", "device.field.model", device.model());
        item(details, "device-serial", "device.field.serial", device.serialNumber());
        item(details, "device-os", "device.field.os", device.osVersion());
        item(details, "device-app-version", "device.field.appVersion", device.appVersion());
        item(details, "device-reader-model", "device.field.readerModel", device.readerModel());
        item(details, "device-reader-serial", "device.field.readerSerial", device.readerSerial());
        item(details, "device-reader-firmware", "device.field.readerFirmware", device.readerFirmware());
    }

    /** Battery, connection and the sales still waiting on the device to be uploaded. */
    private void batteryAndConnection(FormLayout details) {
        item(
                details,
                "device-battery",
                "device.field.battery",
                device.batteryPercent() == null
                        ? null
                        : getTranslation(
                                Boolean.TRUE.equals(device.charging())
                                        ? "device.battery.charging"
                                        : "device.battery.level",
                                device.batteryPercent()));
        String network = device.connectivity() == null
                ? null
                : NETWORKS.contains(device.connectivity())
                        ? getTranslation("timeline.network." + device.connectivity())
                        : device.connectivity();
        item(
                details,
                "device-connectivity",
                "device.field.connectivity",
                network == null
                        ? null
                        : device.signalStrength() == null
                                ? network
                                : getTranslation("device.connectivity.signal", network, device.signalStrength()));
        item(
                details,
                "device-pending-uploads",
                "device.field.pendingUploads",
                device.pendingUploads() == null ? null : device.pendingUploads().toString());
    }

    /** The device's own clock, when it was paired and when it was last seen. */
    private void times(FormLayout details, DateTimeFormatter exact, Instant now) {
        item(
                details,
                "device-clock",
                "device.field.clock",
                device.deviceClock() == null ? null : exact.format(device.deviceClock()));
        item(
                details,
                "device-paired-at",
                "device.field.pairedAt",
                device.pairedAt() == null ? null : exact.format(device.pairedAt()));
        DeviceTimes.Ago ago = DeviceTimes.ago(device.lastSeenAt(), now);
        item(
                details,
                "device-last-seen",
                "device.field.lastSeen",
                device.lastSeenAt() == null
                        ? getTranslation(ago.key(), ago.amount())
                        : getTranslation(ago.key(), ago.amount()) + " · " + exact.format(device.lastSeenAt()));
    }

    /** The reader key injected into the device's card reader, if any. */
    private void readerKey(FormLayout details, DateTimeFormatter exact) {
        // Read by the page after the device service resolved the device within the person's stores.
        // In words; the key's algorithm, BDK version and initial key ID (for a call to support) on hover.
        item(
                details,
                "device-reader-key",
                "device.field.readerKey",
                key.map(k -> getTranslation(
                                "device.readerKey.injected", k.readerSerial(), exact.format(k.injectedAt())))
                        .orElse(getTranslation("device.readerKey.none")));
        key.ifPresent(k -> details.getChildren()
                .flatMap(c -> c.getChildren())
                .filter(c -> c.getId().filter("device-reader-key"::equals).isPresent())
                .findFirst()
                .ifPresent(c -> ((Span) c)
                        .setTitle(getTranslation(
                                "device.readerKey.technical",
                                k.algorithm().name(),
                                k.bdkVersion(),
                                k.initialKeyId()))));
    }

    private void item(FormLayout form, String id, String labelKey, String value) {
        Span span = new Span(value == null || value.isBlank() ? getTranslation("device.value.unknown") : value);
        span.setId(id);
        form.addFormItem(span, getTranslation(labelKey));
    }
}
