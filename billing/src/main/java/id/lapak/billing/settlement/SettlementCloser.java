package id.lapak.billing.settlement;

import id.lapak.billing.payout.BusinessCalendar;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes business days. Every run (see {@link CloseOfDaySchedule}) reads every tenant's state in one statement through
 * the named platform path, then closes, oldest first, every day that has ended in all of a tenant's stores at least
 * {@code lapak.settlement.close-grace} ago and has lines or adjustments not in a batch yet: the tenants due on the
 * same day are closed together, {@value #CHUNK} to a transaction, by the same few statements (decision 0045), and
 * missed days after downtime are caught up by the next run, so no firing needs to be replayed. A day's batches,
 * settlement postings and payouts commit together or not at all, and a day closed before is not closed again (the
 * batch key). When a group fails, its tenants are closed again one by one, each in its own context, so one tenant's
 * failure is logged and does not stop the others. What follows ({@link #afterClose}: the audit chains signed, the new
 * batches announced with their statement mails, each in its tenant's own transaction) runs after the close, outside
 * it and the lock its tenants' payments share.
 * <p>
 * A job's work, run by its schedule and by tests without a person, so a component rather than a service behind a
 * role check: every tenant it touches is entered through the named platform path or its own context.
 */
@Component
public class SettlementCloser {

    /** What a run did. */
    public record Outcome(
            int tenants, int daysClosed, int batches, int payoutsScheduled, int failures, List<UUID> closedTenants) {

        public Outcome {
            closedTenants = List.copyOf(closedTenants);
        }
    }

    static final String ACTOR = "close of day";
    static final int CHUNK = 250;
    private static final Logger log = LoggerFactory.getLogger(SettlementCloser.class);

    private final PlatformAccess platform;
    private final DayClose close;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;

    SettlementCloser(
            PlatformAccess platform,
            DayClose close,
            BusinessCalendar calendar,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${lapak.settlement.close-grace:PT30M}") Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalStateException("lapak.settlement.close-grace must not be negative");
        }
        this.platform = platform;
        this.close = close;
        this.calendar = calendar;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = grace;
    }

    public Outcome closeDue() {
        return closeDue(clock.instant());
    }

    /** Closes, for every tenant, every business day due by {@code now}. */
    public Outcome closeDue(Instant now) {
        Instant cutoff = now.minus(grace);
        List<DueDays> tenants = platform.call("close of day: tenants' open days", () -> close.states(null)).stream()
                .map(DueDays::of)
                .toList();
        Tally tally = new Tally();
        List<DueDays> pending = tenants;
        // A day is tried once per run and tenant, whatever it left behind: a run always ends.
        Map<UUID, LocalDate> tried = new HashMap<>();
        while (!pending.isEmpty()) {
            TreeMap<LocalDate, List<DueDays>> byDay = new TreeMap<>();
            pending.forEach(t -> t.due(cutoff)
                    .filter(day -> isNew(tried, t.state().tenant(), day))
                    .ifPresent(day ->
                            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(t)));
            List<UUID> again = new ArrayList<>();
            byDay.forEach((day, due) -> {
                for (int from = 0; from < due.size(); from += CHUNK) {
                    List<DueDays> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
                    if (closeChunk(day, chunk, now, tally)) {
                        // Only a tenant with an ended day after this one can have another due.
                        chunk.stream()
                                .filter(t ->
                                        t.lastDue(cutoff).filter(day::isBefore).isPresent())
                                .forEach(t -> again.add(t.state().tenant()));
                    } else {
                        chunk.forEach(t -> closeAlone(t.state().tenant(), now, tally));
                    }
                }
            });
            pending = again.isEmpty()
                    ? List.of()
                    : platform.call("close of day: tenants' next days", () -> close.states(again)).stream()
                            .map(DueDays::of)
                            .toList();
        }
        if (tally.days > 0 || tally.failures > 0) {
            log.info(
                    "Close of day: {} days closed, {} batches, {} payouts scheduled, {} tenants failed",
                    tally.days,
                    tally.batches,
                    tally.payouts,
                    tally.failures);
        }
        return new Outcome(
                tenants.size(),
                tally.days,
                tally.batches,
                tally.payouts,
                tally.failures,
                List.copyOf(tally.closedTenants));
    }

    /** Closes the due days of one tenant, oldest first, in that tenant's context, and announces its new batches. */
    public Outcome close(UUID tenant, Instant now) {
        Tally tally = new Tally();
        closeTenant(tenant, now, tally);
        tally.closed.forEach(this::announce);
        if (tally.days > 0) {
            events.publishEvent(new DaysClosed(List.of(tenant)));
        }
        return new Outcome(1, tally.days, tally.batches, tally.payouts, 0, List.copyOf(tally.closedTenants));
    }

    /** What a run has done so far. */
    private static final class Tally {
        private final Set<UUID> closedTenants = new LinkedHashSet<>();
        private final List<BatchClosed> closed = new ArrayList<>();
        private int days;
        private int batches;
        private int payouts;
        private int failures;

        void add(List<DueDays> tenants, DayOutcome outcome) {
            tenants.forEach(t -> closedTenants.add(t.state().tenant()));
            closed.addAll(outcome.closed());
            days += tenants.size();
            batches += outcome.batches();
            payouts += outcome.payouts();
        }
    }

    /** A day closed for a group of tenants in the platform's scope; false when the group's transaction failed. */
    private boolean closeChunk(LocalDate day, List<DueDays> chunk, Instant now, Tally tally) {
        try {
            DayOutcome outcome = AuditActor.system(ACTOR)
                    .callAs(() -> platform.call(
                            "close of day " + day + ": " + chunk.size() + " tenants", () -> closeDay(day, chunk, now)));
            tally.add(chunk, outcome);
            return true;
        } catch (RuntimeException e) {
            log.warn(
                    "Close of day {}: a group of {} tenants failed together ({}); closing them one by one",
                    day,
                    chunk.size(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private void closeAlone(UUID tenant, Instant now, Tally tally) {
        try {
            closeTenant(tenant, now, tally);
        } catch (RuntimeException e) {
            tally.failures++;
            log.error(
                    "Close of day: tenant {} could not be closed ({})",
                    tenant,
                    e.getClass().getSimpleName(),
                    e);
        }
    }

    private void closeTenant(UUID tenant, Instant now, Tally tally) {
        Instant cutoff = now.minus(grace);
        AuditActor.system(ACTOR)
                .callAs(() -> TenantContext.callAs(tenant, () -> {
                    Map<UUID, LocalDate> tried = new HashMap<>();
                    Optional<DueDays> state = read(tenant);
                    while (state.isPresent()
                            && state.get()
                                    .due(cutoff)
                                    .filter(d -> isNew(tried, tenant, d))
                                    .isPresent()) {
                        LocalDate day = state.get().due(cutoff).orElseThrow();
                        List<DueDays> one = List.of(state.get());
                        DayOutcome outcome = transaction.execute(s -> closeDay(day, one, now));
                        tally.add(one, outcome);
                        state = read(tenant);
                    }
                    return null;
                }));
    }

    /**
     * Announces a closed batch in a transaction of its tenant that records the announcement: listeners (the statement
     * mail) write with it, exactly once, outside the close and its lock. A failure is logged; the next run retries.
     */
    private void announce(BatchClosed batch) {
        try {
            AuditActor.system(ACTOR)
                    .callAs(() -> TenantContext.callAs(
                            batch.tenantId(),
                            () -> transaction.execute(s -> {
                                if (close.markAnnounced(batch.tenantId(), batch.batchId(), clock.instant())) {
                                    events.publishEvent(batch);
                                }
                                return null;
                            })));
        } catch (RuntimeException e) {
            log.error(
                    "Close of day: batch {} of tenant {} could not be announced yet ({})",
                    batch.batchId(),
                    batch.tenantId(),
                    e.getClass().getSimpleName(),
                    e);
        }
    }

    /**
     * What follows a run of the close, outside it (the job calls it after {@link #closeDue()}): the audit chains of
     * the tenants it closed days of are signed, once for the run ({@link DaysClosed}), and the new batches announced
     * ({@link #announceClosed()}). Returns how many batches were announced.
     */
    public int afterClose(Outcome outcome) {
        if (!outcome.closedTenants().isEmpty()) {
            events.publishEvent(new DaysClosed(outcome.closedTenants()));
        }
        return announceClosed();
    }

    /**
     * Announces every batch of the last week not announced yet (the job does this after each run of the close, and it
     * catches up a batch whose announcement a stopped process lost). Returns how many were announced.
     */
    public int announceClosed() {
        List<BatchClosed> missed = platform.call(
                "close of day: batches to announce",
                () -> close.unannounced(clock.instant().minus(Duration.ofDays(7))));
        missed.forEach(this::announce);
        return missed.size();
    }

    private static boolean isNew(Map<UUID, LocalDate> tried, UUID tenant, LocalDate day) {
        LocalDate before = tried.get(tenant);
        if (before != null && !day.isAfter(before)) {
            return false;
        }
        tried.put(tenant, day);
        return true;
    }

    private Optional<DueDays> read(UUID tenant) {
        return transaction.execute(s -> close.states(List.of(tenant))).stream()
                .findFirst()
                .map(DueDays::of);
    }

    private record DayOutcome(int batches, int payouts, List<BatchClosed> closed) {}

    /**
     * Closes {@code day} for these tenants inside the caller's transaction: locks them, builds their batches, posts
     * the settlements and schedules the payouts; the batches are announced after the commit ({@link #announce}).
     */
    private DayOutcome closeDay(LocalDate day, List<DueDays> tenants, Instant now) {
        close.lockTenants(tenants.stream().map(t -> t.state().tenant()).toList());
        List<DayClose.ClosedBatch> batches = close.buildBatches(
                day,
                tenants.stream()
                        .map(t -> new DayClose.TenantDay(
                                t.state().tenant(), t.state().payoutAccount(), t.adjustmentsBefore(day)))
                        .toList(),
                now);
        if (batches.isEmpty()) {
            return new DayOutcome(0, 0, List.of());
        }
        close.postLedger(batches, now, ACTOR);
        Map<UUID, Integer> delays = new HashMap<>();
        tenants.forEach(t -> delays.put(t.state().tenant(), t.state().payoutDelayDays()));
        Map<Integer, LocalDate> expected = new HashMap<>();
        List<DayClose.NewPayout> payouts = batches.stream()
                .filter(b -> b.netMinor() > 0 && b.payoutAccount() != null)
                .map(b -> new DayClose.NewPayout(
                        b, expected.computeIfAbsent(delays.get(b.tenant()), d -> calendar.addBusinessDays(day, d))))
                .toList();
        int scheduled = close.schedulePayouts(payouts, now);
        events.publishEvent(new DayWritten(
                day, tenants.stream().map(t -> t.state().tenant()).toList(), batches.size()));
        return new DayOutcome(
                batches.size(),
                scheduled,
                batches.stream()
                        .map(b -> new BatchClosed(b.tenant(), b.id(), day, b.currency(), b.netMinor()))
                        .toList());
    }
}
