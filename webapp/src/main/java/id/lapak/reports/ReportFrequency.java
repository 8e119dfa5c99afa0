package id.lapak.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a subscribed report is sent, and the periods it covers: a local day, a week from Monday to Sunday, or a
 * calendar month. A period is sent once it has ended, at the subscription's local time on the day after.
 */
public enum ReportFrequency {
    DAILY,
    WEEKLY,
    MONTHLY;

    /** A period of local days, both ends included. */
    public record Period(LocalDate start, LocalDate end) {

        public ReportFilter filter() {
            return ReportFilter.days(start, end);
        }
    }

    /** The period that holds {@code day}. */
    public Period periodOf(LocalDate day) {
        return switch (this) {
            case DAILY -> new Period(day, day);
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTHLY -> new Period(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The period after {@code period}. */
    public Period next(Period period) {
        return periodOf(period.end().plusDays(1));
    }

    /** The period before {@code period}. */
    public Period previous(Period period) {
        return periodOf(period.start().minusDays(1));
    }
}
