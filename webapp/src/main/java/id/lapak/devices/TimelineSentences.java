package id.lapak.devices;

import id.lapak.ui.Translator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device timeline entry as one sentence in the reader's language ("Checked in: battery 80 % (charging), Wi-Fi,
 * app 1.4.0, 2 offline payments waiting"), built from the event's kind and the detail recorded with it. Technical
 * detail a merchant does not need (key identifiers, BDK versions) stays out of the sentence. A kind this portal
 * does not know (a newer device API) shows its label or, failing that, as recorded.
 */
final class TimelineSentences {

    /** Every kind the product records; {@code TimelineSentencesTest} checks the code records no other. */
    static final List<String> KINDS = List.of(
            "PAIRED",
            "HEARTBEAT",
            "CONFIG_FETCHED",
            "RENAMED",
            "MOVED",
            "REVOKED",
            "RETIRED",
            "ALERT_RAISED",
            "ALERT_CLEARED",
            "ALERT_ACKNOWLEDGED",
            "READER_KEY_INJECTED");

    private static final Pattern HEARTBEAT =
            Pattern.compile("battery (\\d+%|\\?)( charging)?, (.+?), app (.+?), pending (\\d+)");
    private static final Pattern CONFIG_VERSION = Pattern.compile("version (\\d+)");
    private static final Pattern READER = Pattern.compile(".*, reader (.+)");
    private static final List<String> CONNECTIVITY = List.of("WIFI", "CELLULAR", "ETHERNET", "NONE");
    private static final List<String> ALERTS = List.of("OFFLINE", "APP_OUTDATED", "BATTERY_LOW");

    private final Translator t;

    TimelineSentences(Translator translator) {
        this.t = translator;
    }

    String sentence(String kind, String detail) {
        String d = detail == null ? "" : detail.strip();
        return switch (kind) {
            case "PAIRED" -> d.isEmpty() ? t.translate("timeline.PAIRED") : t.translate("timeline.PAIRED.model", d);
            case "HEARTBEAT" -> heartbeat(d);
            case "CONFIG_FETCHED" -> {
                Matcher m = CONFIG_VERSION.matcher(d);
                yield m.matches()
                        ? t.translate("timeline.CONFIG_FETCHED.version", m.group(1))
                        : t.translate("timeline.CONFIG_FETCHED");
            }
            case "RENAMED", "MOVED", "REVOKED", "RETIRED" ->
                d.isEmpty() ? t.translate("timeline." + kind) : t.translate("timeline." + kind + ".detail", d);
            case "ALERT_RAISED", "ALERT_CLEARED", "ALERT_ACKNOWLEDGED" ->
                t.translate("timeline." + kind, ALERTS.contains(d) ? t.translate("alerts.kind." + d) : d);
            case "READER_KEY_INJECTED" -> {
                Matcher m = READER.matcher(d);
                yield m.matches()
                        ? t.translate("timeline.READER_KEY_INJECTED.reader", m.group(1))
                        : t.translate("timeline.READER_KEY_INJECTED");
            }
            default -> d.isEmpty() ? kind : kind + ": " + d;
        };
    }

    /** Who did it: the device itself, Lapak's health check, or the person's login name. */
    String actor(String actor) {
        if ("device".equals(actor)) {
            return t.translate("device.timeline.byDevice");
        }
        if ("health check".equals(actor)) {
            return t.translate("device.timeline.byHealthCheck");
        }
        return actor;
    }

    private String heartbeat(String detail) {
        Matcher m = HEARTBEAT.matcher(detail);
        if (!m.matches()) {
            return detail.isEmpty() ? t.translate("timeline.HEARTBEAT") : t.translate("timeline.HEARTBEAT.raw", detail);
        }
        String battery = "?".equals(m.group(1))
                ? t.translate("timeline.battery.unknown")
                : t.translate(
                        m.group(2) != null ? "timeline.battery.charging" : "timeline.battery",
                        m.group(1).replace("%", " %"));
        String network = CONNECTIVITY.contains(m.group(3).toUpperCase(Locale.ROOT))
                ? t.translate("timeline.network." + m.group(3).toUpperCase(Locale.ROOT))
                : "unknown network".equals(m.group(3)) ? t.translate("timeline.network.unknown") : m.group(3);
        String app =
                "?".equals(m.group(4)) ? t.translate("timeline.app.unknown") : t.translate("timeline.app", m.group(4));
        int pending = Integer.parseInt(m.group(5));
        String waiting = pending == 0 ? t.translate("timeline.pending.none") : t.translate("timeline.pending", pending);
        return t.translate("timeline.HEARTBEAT.detail", battery, network, app, waiting);
    }
}
