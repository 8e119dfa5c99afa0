package id.lapak.devices;

import com.vaadin.flow.component.html.Span;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Online / Stale / Offline for an active device, Revoked or Retired otherwise, as a coloured badge. */
class PresenceBadge extends Span {

    /** Heartbeats come every minute or so; ten silent minutes is when a cashier would notice. */
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(10);

    PresenceBadge(DeviceDetails device, Instant now) {
        addClassName("lapak-status");
        if (device.status() == DeviceStatus.ACTIVE) {
            DeviceDetails.Presence presence = device.presence(now, OFFLINE_AFTER);
            setText(getTranslation("devices.presence." + presence.name()));
            addClassName(presence.name().toLowerCase(Locale.ROOT));
        } else {
            setText(getTranslation("devices.status." + device.status().name()));
            addClassName(device.status().name().toLowerCase(Locale.ROOT));
        }
    }
}
