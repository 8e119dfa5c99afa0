package id.lapak.devices;

import id.lapak.ui.PortalDates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "3 min ago" for lists people scan, full date and time in the tenant's zone where they need to be exact. */
final class DeviceTimes {

    /** A relative time as a translation key and the number it takes. */
    record Ago(String key, long amount) {}

    private DeviceTimes() {}

    static Ago ago(Instant then, Instant now) {
        if (then == null) {
            return new Ago("devices.time.never", 0);
        }
        Duration elapsed = Duration.between(then, now);
        if (elapsed.toSeconds() < 60) {
            // Also covers a device clock slightly ahead of the server's.
            return new Ago("devices.time.justNow", 0);
        }
        if (elapsed.toMinutes() < 60) {
            return new Ago("devices.time.minutes", elapsed.toMinutes());
        }
        if (elapsed.toHours() < 24) {
            return new Ago("devices.time.hours", elapsed.toHours());
        }
        return new Ago("devices.time.days", elapsed.toDays());
    }

    static DateTimeFormatter dateTime(Locale locale, ZoneId zone) {
        return PortalDates.dateTime(locale, zone);
    }

    static DateTimeFormatter time(Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
    }
}
