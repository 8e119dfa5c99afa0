package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.BusinessDay;
import id.lapak.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's business-day functions ({@code settlement_day_start}, {@code settlement_business_day}) give the
 * same answers as {@link BusinessDay}, which the close and the statements use: every day start and every
 * hour of the months around 2026's daylight-saving changes, in zones with and without them, for close-of-day times
 * that are skipped by a spring-forward gap, happen twice in a fall-back overlap, or are ordinary.
 */
@IntegrationTest
class SettlementDaySqlIntegrationTest {

    static final List<ZoneId> ZONES = Stream.of(
                    "Asia/Jakarta",
                    "Asia/Makassar",
                    "Asia/Jayapura",
                    "Australia/Sydney",
                    "America/New_York",
                    "Europe/London")
            .map(ZoneId::of)
            .toList();

    /** 01:30 falls in New York's and London's gaps and overlaps, 02:30 in Sydney's and New York's gaps. */
    static final List<LocalTime> CLOSES = Stream.of("00:00", "01:30", "02:30", "03:00", "04:00", "23:00")
            .map(LocalTime::parse)
            .toList();

    /** The local days compared: March, April, October and November 2026. */
    static final List<LocalDate> DAYS = Stream.of(
                    LocalDate.of(2026, 3, 1).datesUntil(LocalDate.of(2026, 5, 1)),
                    LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 12, 1)))
            .flatMap(Function.identity())
            .toList();

    /** The instants compared, every hour: these windows hold every zone's days above and one either side. */
    static final List<Instant> WINDOWS = List.of(
            Instant.parse("2026-02-27T00:00:00Z"), Instant.parse("2026-05-03T00:00:00Z"),
            Instant.parse("2026-09-29T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"));

    static final Duration STEP = Duration.ofMinutes(60);

    @Autowired
    JdbcClient jdbc;

    record Rule(ZoneId zone, LocalTime closeOfDay) {

        BusinessDay java() {
            return new BusinessDay(zone, closeOfDay);
        }

        /** Whether the close of day on {@code day} is skipped ("gap"), happens twice ("overlap") or neither (""). */
        String transition(LocalDate day) {
            return switch (zone.getRules()
                    .getValidOffsets(day.atTime(closeOfDay))
                    .size()) {
                case 0 -> "gap";
                case 2 -> "overlap";
                default -> "";
            };
        }

        @Override
        public String toString() {
            return zone.getId() + " close " + closeOfDay;
        }
    }

    record DayCase(Rule rule, LocalDate day) {}

    record InstantCase(Rule rule, Instant at) {}

    static List<Rule> rules() {
        return ZONES.stream()
                .flatMap(zone -> CLOSES.stream().map(close -> new Rule(zone, close)))
                .toList();
    }

    @Test
    void dayStartsAreBusinessDayStartsAcrossDaylightSavingChanges() {
        List<DayCase> cases = rules().stream()
                .flatMap(rule -> DAYS.stream().map(day -> new DayCase(rule, day)))
                .toList();
        List<Instant> sql = jdbc.sql("""
                        select settlement_day_start(x.day::date, x.zone, x.close_of_day::time)
                        from unnest(?::text[], ?::text[], ?::text[]) with ordinality x(zone, close_of_day, day, n)
                        order by x.n""")
                .params(
                        column(cases, c -> c.rule().zone().getId()),
                        column(cases, c -> c.rule().closeOfDay().toString()),
                        column(cases, c -> c.day().toString()))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();

        assertThat(sql).hasSameSizeAs(cases);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            DayCase c = cases.get(i);
            Instant java = c.rule().java().start(c.day());
            if (!java.equals(sql.get(i))) {
                disagreements.add("%s, day %s%s: settlement_day_start %s, BusinessDay.start %s"
                        .formatted(c.rule(), c.day(), marked(c.rule().transition(c.day())), sql.get(i), java));
            }
        }
        assertThat(disagreements)
                .as("day starts where SQL and BusinessDay disagree, of %d compared", cases.size())
                .isEmpty();
    }

    @Test
    void theComparisonCoversGapsAndOverlaps() {
        Rule sydney = new Rule(ZoneId.of("Australia/Sydney"), LocalTime.of(2, 30));
        Rule newYork = new Rule(ZoneId.of("America/New_York"), LocalTime.of(2, 30));
        Rule newYorkEarly = new Rule(ZoneId.of("America/New_York"), LocalTime.of(1, 30));
        Rule london = new Rule(ZoneId.of("Europe/London"), LocalTime.of(1, 30));
        List<Rule> rules = rules();
        assertThat(rules).contains(sydney, newYork, newYorkEarly, london);
        assertThat(DAYS)
                .contains(
                        LocalDate.of(2026, 3, 8),
                        LocalDate.of(2026, 3, 29),
                        LocalDate.of(2026, 4, 5),
                        LocalDate.of(2026, 10, 4),
                        LocalDate.of(2026, 10, 25),
                        LocalDate.of(2026, 11, 1));

        assertThat(sydney.transition(LocalDate.of(2026, 4, 5))).isEqualTo("overlap");
        assertThat(sydney.transition(LocalDate.of(2026, 10, 4))).isEqualTo("gap");
        assertThat(newYork.transition(LocalDate.of(2026, 3, 8))).isEqualTo("gap");
        assertThat(newYork.transition(LocalDate.of(2026, 11, 1)))
                .as("02:30 happens once in New York on the day clocks go back (its overlap is 01:00 to 02:00)")
                .isEmpty();
        assertThat(newYorkEarly.transition(LocalDate.of(2026, 11, 1))).isEqualTo("overlap");
        assertThat(london.transition(LocalDate.of(2026, 3, 29))).isEqualTo("gap");
        assertThat(london.transition(LocalDate.of(2026, 10, 25))).isEqualTo("overlap");

        // A skipped 02:30 starts the day an hour (the gap's length) later, at 03:30 after the gap, and the day lasts
        // 23 hours; a doubled 02:30 starts it at the first 02:30, and the day lasts 25.
        BusinessDay sydneyDays = sydney.java();
        assertThat(sydneyDays.start(LocalDate.of(2026, 10, 4))).isEqualTo(Instant.parse("2026-10-03T16:30:00Z"));
        assertThat(Duration.between(
                        sydneyDays.start(LocalDate.of(2026, 10, 4)), sydneyDays.end(LocalDate.of(2026, 10, 4))))
                .isEqualTo(Duration.ofHours(23));
        assertThat(sydneyDays.start(LocalDate.of(2026, 4, 5))).isEqualTo(Instant.parse("2026-04-04T15:30:00Z"));
        assertThat(Duration.between(
                        sydneyDays.start(LocalDate.of(2026, 4, 5)), sydneyDays.end(LocalDate.of(2026, 4, 5))))
                .isEqualTo(Duration.ofHours(25));

        // Sydney and New York at 02:30 and London at 01:30 in spring; Sydney at 02:30, New York and London at 01:30
        // in autumn.
        assertThat(count(rules, "gap"))
                .as("compared day starts skipped by a gap")
                .isEqualTo(3);
        assertThat(count(rules, "overlap"))
                .as("compared day starts in an overlap")
                .isEqualTo(3);
    }

    @Test
    void everyQuarterHourAndEveryDayBoundaryIsInTheBusinessDayOfJava() {
        List<InstantCase> cases = rules().stream()
                .flatMap(rule -> instants(rule).stream().map(at -> new InstantCase(rule, at)))
                .toList();
        List<LocalDate> sql = jdbc.sql("""
                        select settlement_business_day(x.at::timestamptz, x.zone, x.close_of_day::time)
                        from unnest(?::text[], ?::text[], ?::text[]) with ordinality x(zone, close_of_day, at, n)
                        order by x.n""")
                .params(
                        column(cases, c -> c.rule().zone().getId()),
                        column(cases, c -> c.rule().closeOfDay().toString()),
                        column(cases, c -> c.at().toString()))
                .query((rs, row) -> rs.getObject(1, LocalDate.class))
                .list();

        assertThat(sql).hasSameSizeAs(cases);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            InstantCase c = cases.get(i);
            LocalDate java = c.rule().java().of(c.at());
            if (!java.equals(sql.get(i))) {
                disagreements.add("%s, instant %s (%s): settlement_business_day %s, BusinessDay.of %s"
                        .formatted(c.rule(), c.at(), c.at().atZone(c.rule().zone()), sql.get(i), java));
            }
        }
        assertThat(disagreements)
                .as("instants where SQL and BusinessDay disagree, of %d compared", cases.size())
                .isEmpty();
    }

    /** Every hour of the windows, and each day start of the rule, a second before it and a second after. */
    static TreeSet<Instant> instants(Rule rule) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (int w = 0; w < WINDOWS.size(); w += 2) {
            for (Instant at = WINDOWS.get(w); at.isBefore(WINDOWS.get(w + 1)); at = at.plus(STEP)) {
                instants.add(at);
            }
        }
        BusinessDay days = rule.java();
        for (LocalDate day : DAYS) {
            Instant start = days.start(day);
            instants.add(start.minusSeconds(1));
            instants.add(start);
            instants.add(start.plusSeconds(1));
        }
        return instants;
    }

    static long count(List<Rule> rules, String transition) {
        return rules.stream()
                .flatMap(rule -> DAYS.stream().map(rule::transition))
                .filter(transition::equals)
                .count();
    }

    static <T> String[] column(List<T> cases, Function<T, String> value) {
        return cases.stream().map(value).map(Objects::requireNonNull).toArray(String[]::new);
    }

    static String marked(String transition) {
        return transition.isEmpty() ? "" : " (" + transition + ")";
    }
}
