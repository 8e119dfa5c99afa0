package id.lapak.billing.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which business day of a tenant is the next to close, by the business-day rule of each of its stores: the first day
 * after its last closed one that has lines, or that the oldest adjustment not in a batch yet belongs to (the first
 * day ended in every store after it was recorded), once that day has ended in every store before the cut-off.
 */
record DueDays(DayClose.TenantState state, List<BusinessDay> rules) {

    static DueDays of(DayClose.TenantState state) {
        return new DueDays(
                state,
                state.zones().stream()
                        .map(zone -> new BusinessDay(ZoneId.of(zone), state.closeOfDay()))
                        .toList());
    }

    /** The next day to close if it has ended in every store before {@code cutoff}. */
    Optional<LocalDate> due(Instant cutoff) {
        return lastDue(cutoff).flatMap(lastDue -> next().filter(day -> !day.isAfter(lastDue)));
    }

    /** The last day that has ended in every store before {@code cutoff}; none without stores. */
    Optional<LocalDate> lastDue(Instant cutoff) {
        return rules.stream().map(rule -> rule.lastEndedBy(cutoff)).min(Comparator.naturalOrder());
    }

    /** The first instant after {@code day} in the first of its stores to end it: adjustments before it belong to it. */
    Instant adjustmentsBefore(LocalDate day) {
        return rules.stream()
                .map(rule -> rule.end(day))
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    private Optional<LocalDate> next() {
        Optional<LocalDate> lines = Optional.ofNullable(state.firstOpenDay());
        Optional<LocalDate> adjustment = Optional.ofNullable(state.oldestAdjustment())
                .flatMap(at -> rules.stream().map(rule -> rule.of(at)).max(Comparator.naturalOrder()));
        LocalDate lastClosed = state.lastClosed();
        return Stream.of(lines, adjustment)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .map(day -> lastClosed == null || day.isAfter(lastClosed) ? day : lastClosed.plusDays(1));
    }
}
