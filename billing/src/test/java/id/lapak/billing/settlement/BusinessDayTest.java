package id.lapak.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessDayTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void aSaleAt2330LocalBelongsToThatDayAnd0030ToTheNext() {
        BusinessDay wib = BusinessDay.midnight(WIB);
        assertThat(wib.of(local(WIB, "2026-12-01T23:30"))).isEqualTo(DAY);
        assertThat(wib.of(local(WIB, "2026-12-02T00:30"))).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void aBaliStoreClosesItsDayAnHourBeforeJakarta() {
        // 23:30 WIB on the 1st is 00:30 WITA on the 2nd: the same instant, two stores, two business days.
        Instant instant = local(WIB, "2026-12-01T23:30");
        assertThat(BusinessDay.midnight(WIB).of(instant)).isEqualTo(DAY);
        assertThat(BusinessDay.midnight(WITA).of(instant)).isEqualTo(DAY.plusDays(1));
        assertThat(BusinessDay.midnight(WITA).of(local(WITA, "2026-12-01T23:30")))
                .isEqualTo(DAY);
        assertThat(BusinessDay.midnight(WITA).end(DAY)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aLaterCloseOfDayKeepsTheSmallHoursInTheDayBefore() {
        BusinessDay closesAtThree = new BusinessDay(WIB, LocalTime.of(3, 0));
        assertThat(closesAtThree.of(local(WIB, "2026-12-02T00:30"))).isEqualTo(DAY);
        assertThat(closesAtThree.of(local(WIB, "2026-12-02T02:59:59"))).isEqualTo(DAY);
        assertThat(closesAtThree.of(local(WIB, "2026-12-02T03:00"))).isEqualTo(DAY.plusDays(1));
        assertThat(closesAtThree.of(local(WIB, "2026-12-01T23:30"))).isEqualTo(DAY);
    }

    @Test
    void sydneyDaysAcrossDaylightSavingAre23And25HoursLongAndLeaveNoGap() {
        BusinessDay sydney = BusinessDay.midnight(SYDNEY);
        LocalDate springForward = LocalDate.of(2026, 10, 4); // 02:00 -> 03:00
        LocalDate fallBack = LocalDate.of(2026, 4, 5); // 03:00 -> 02:00
        assertThat(Duration.between(sydney.start(springForward), sydney.end(springForward)))
                .hasHours(23);
        assertThat(Duration.between(sydney.start(fallBack), sydney.end(fallBack)))
                .hasHours(25);
        assertThat(sydney.of(local(SYDNEY, "2026-10-04T23:30"))).isEqualTo(springForward);
        assertThat(sydney.of(local(SYDNEY, "2026-10-05T00:30"))).isEqualTo(springForward.plusDays(1));
        assertThat(sydney.of(local(SYDNEY, "2026-04-05T23:30"))).isEqualTo(fallBack);
        assertThat(sydney.of(local(SYDNEY, "2026-04-06T00:30"))).isEqualTo(fallBack.plusDays(1));
        for (LocalDate d = LocalDate.of(2026, 3, 30); d.isBefore(LocalDate.of(2026, 10, 10)); d = d.plusDays(1)) {
            assertThat(sydney.end(d)).isEqualTo(sydney.start(d.plusDays(1)));
            assertThat(sydney.of(sydney.start(d))).isEqualTo(d);
            assertThat(sydney.of(sydney.end(d).minusNanos(1))).isEqualTo(d);
        }
    }

    @Test
    void aCloseOfDayInsideTheSpringForwardGapStartsTheDayAfterTheGapAndTheRepeatedHourIsNotCountedTwice() {
        BusinessDay closesAtHalfPastTwo = new BusinessDay(SYDNEY, LocalTime.of(2, 30));
        LocalDate springForward = LocalDate.of(2026, 10, 4);
        assertThat(closesAtHalfPastTwo.start(springForward)).isEqualTo(local(SYDNEY, "2026-10-04T03:30"));
        LocalDate fallBack = LocalDate.of(2026, 4, 5);
        Instant firstHalfPastTwo = closesAtHalfPastTwo.start(fallBack);
        // The second 02:15 of the night comes after the day began at the first 02:30: it is already the new day.
        Instant secondQuarterPastTwo = firstHalfPastTwo.plus(Duration.ofMinutes(45));
        assertThat(closesAtHalfPastTwo.of(secondQuarterPastTwo)).isEqualTo(fallBack);
        assertThat(closesAtHalfPastTwo.of(firstHalfPastTwo.minusSeconds(1))).isEqualTo(fallBack.minusDays(1));
    }

    @Test
    void theLastEndedDayIsYesterdayJustAfterMidnight() {
        BusinessDay wib = BusinessDay.midnight(WIB);
        assertThat(wib.lastEndedBy(local(WIB, "2026-12-02T00:30"))).isEqualTo(DAY);
        assertThat(wib.lastEndedBy(local(WIB, "2026-12-01T23:30"))).isEqualTo(DAY.minusDays(1));
    }
}
