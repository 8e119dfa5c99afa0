package id.lapak.ui;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * A store's time zone as a merchant names it: Indonesia's three zones by their abbreviations and a city
 * ("WIB · Jakarta", "WITA · Makassar", "WIT · Jayapura"), any other by its name in the page's language with the
 * zone's identifier ("Singapore Standard Time · Asia/Singapore"). One rule for every page that shows a zone.
 */
public final class ZoneNames {

    private static final Map<String, String> INDONESIA = Map.of(
            "Asia/Jakarta", "WIB · Jakarta",
            "Asia/Pontianak", "WIB · Pontianak",
            "Asia/Makassar", "WITA · Makassar",
            "Asia/Jayapura", "WIT · Jayapura");

    private ZoneNames() {}

    public static String label(ZoneId zone, Locale locale) {
        if (zone == null) {
            return "";
        }
        String indonesian = INDONESIA.get(zone.getId());
        if (indonesian != null) {
            return indonesian;
        }
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        return name.equals(zone.getId()) ? name : name + " · " + zone.getId();
    }
}
