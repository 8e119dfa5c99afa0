package id.lapak.billing.payout;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Banking days: Monday to Friday except the holidays and collective-leave days of the holiday calendar (platform
 * data every transaction may read).
 */
@Component
public class BusinessCalendar {

    private final JdbcClient jdbc;

    public BusinessCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code days}-th banking day after {@code from} ({@code from} itself, moved to a banking day, for 0). */
    public LocalDate addBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days >= 0");
        }
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("select day from holiday where day between ? and ?")
                .params(from, from.plusDays(days * 2L + 30))
                .query(LocalDate.class)
                .list());
        LocalDate day = from;
        int counted = 0;
        while (counted < days || !isBankingDay(day, holidays)) {
            day = day.plusDays(1);
            if (isBankingDay(day, holidays)) {
                counted++;
            }
        }
        return day;
    }

    static boolean isBankingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
