package id.lapak.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How the portal's pages write a moment and a day, once: "4 Des 2026 07.55" / "Dec 4, 2026, 7:55 AM" in the
 * reader's language and the business's zone, so the audit log, price history, sales and customers read alike.
 * Documents (statements, report exports, receipts) keep their own, longer forms.
 */
public final class PortalDates {

    private PortalDates() {}

    /** A moment: medium date, short time, in {@code zone}. */
    public static DateTimeFormatter dateTime(Locale locale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
    }

    /** A day: medium date. */
    public static DateTimeFormatter date(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }
}
