package id.lapak.billing.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * A tenant's billing period: a calendar month in the tenant's own zone, so a sale at 23:30 WIB on the 30th belongs
 * to that month although it is the 30th's 16:30 in UTC, and one at 00:30 WIB on the 1st to the next month.
 */
public record BillingPeriod(YearMonth month, ZoneId zone) {

    public static BillingPeriod containing(Instant instant, ZoneId zone) {
        return new BillingPeriod(YearMonth.from(instant.atZone(zone)), zone);
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public int days() {
        return month.lengthOfMonth();
    }

    public Instant start() {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return firstDay().plusMonths(1).atStartOfDay(zone).toInstant();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public List<LocalDate> dayList() {
        return firstDay().datesUntil(firstDay().plusMonths(1)).toList();
    }

    public boolean endedBy(Instant now) {
        return !now.isBefore(end());
    }

    public BillingPeriod next() {
        return new BillingPeriod(month.plusMonths(1), zone);
    }
}
