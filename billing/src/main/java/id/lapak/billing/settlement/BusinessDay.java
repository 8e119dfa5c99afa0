package id.lapak.billing.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The business-day rule, in one place: a store's business day {@code D} runs from {@code D} at the tenant's close
 * of day, in the store's time zone, up to (not including) {@code D + 1} at the close of day. With the default close
 * of 00:00 that is the local calendar day; with 03:00, a sale at 01:30 belongs to the day before.
 * <p>
 * Days are defined by their start instants and an instant belongs to the day whose window holds it, so the rule is
 * consistent across daylight-saving changes: a close-of-day time that does not exist on a date (skipped by a
 * spring-forward gap) starts the day that much later, moved forward by the gap's length as java.time does (02:30 in
 * a one-hour gap from 02:00 starts it at 03:30), and a time that happens twice (fall-back overlap) starts it at the
 * first occurrence. Days of a DST change are 23 or 25 hours long; none overlap, none leave
 * a gap.
 */
public record BusinessDay(ZoneId zone, LocalTime closeOfDay) {

    public static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

    public BusinessDay {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(closeOfDay, "closeOfDay");
    }

    public static BusinessDay midnight(ZoneId zone) {
        return new BusinessDay(zone, MIDNIGHT);
    }

    /** The first instant of business day {@code day}. */
    public Instant start(LocalDate day) {
        return ZonedDateTime.ofLocal(day.atTime(closeOfDay), zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
    }

    /** The first instant after business day {@code day} (the start of the next one). */
    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }

    /** The business day {@code instant} belongs to. */
    public LocalDate of(Instant instant) {
        LocalDate candidate = instant.atZone(zone).toLocalDate();
        if (instant.isBefore(start(candidate))) {
            return candidate.minusDays(1);
        }
        if (!instant.isBefore(end(candidate))) {
            return candidate.plusDays(1);
        }
        return candidate;
    }

    /** The last business day that has ended at {@code instant}, i.e. may be closed then. */
    public LocalDate lastEndedBy(Instant instant) {
        return of(instant).minusDays(1);
    }
}
