package id.lapak.billing.settlement;

import id.lapak.billing.payout.BusinessCalendar;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes business days. Every run (see {@link CloseOfDaySchedule}) lists the tenants through the named platform
 * path and, for each tenant in its own context, closes every day that has ended in all of its stores at least
 * {@code lapak.settlement.close-grace} ago and still has operations outside any batch, oldest first: missed days
 * after downtime are caught up by the next run, so no firing needs to be replayed. Each day is one transaction:
 * batches, lines, ledger and payouts commit together or not at all, and a day closed before is not closed again
 * (the batch key). One tenant's failure is logged and does not stop the others.
 * <p>
 * A job's work, run by its schedule and by tests without a person, so a component rather than a service behind a
 * role check: every tenant it touches is entered through the named platform path.
 */
@Component
public class SettlementCloser {

    /** What a run did. */
    public record Outcome(int tenants, int daysClosed, int batches, int payoutsScheduled, int failures) {}

    static final String ACTOR = "close of day";
    private static final Logger log = LoggerFactory.getLogger(SettlementCloser.class);

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final DayClose close;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;

    SettlementCloser(
            PlatformAccess platform,
            JdbcClient jdbc,
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
        this.jdbc = jdbc;
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
        List<UUID> tenants = platform.call(
                "close of day: list tenants",
                () -> jdbc.sql("select id from tenant order by id")
                        .query(UUID.class)
                        .list());
        int days = 0;
        int batches = 0;
        int payouts = 0;
        int failures = 0;
        List<UUID> closed = new ArrayList<>();
        for (UUID tenant : tenants) {
            try {
                Outcome one = closeOne(tenant, now);
                if (one.daysClosed() > 0) {
                    closed.add(tenant);
                }
                days += one.daysClosed();
                batches += one.batches();
                payouts += one.payoutsScheduled();
            } catch (RuntimeException e) {
                failures++;
                log.error(
                        "Close of day: tenant {} could not be closed ({})",
                        tenant,
                        e.getClass().getSimpleName(),
                        e);
            }
        }
        if (!closed.isEmpty()) {
            events.publishEvent(new DaysClosed(closed));
        }
        if (days > 0 || failures > 0) {
            log.info(
                    "Close of day: {} days closed, {} batches, {} payouts scheduled, {} tenants failed",
                    days,
                    batches,
                    payouts,
                    failures);
        }
        return new Outcome(tenants.size(), days, batches, payouts, failures);
    }

    /** Closes the due days of one tenant, oldest first, in that tenant's context. */
    public Outcome close(UUID tenant, Instant now) {
        Outcome outcome = closeOne(tenant, now);
        if (outcome.daysClosed() > 0) {
            events.publishEvent(new DaysClosed(List.of(tenant)));
        }
        return outcome;
    }

    private Outcome closeOne(UUID tenant, Instant now) {
        return AuditActor.system(ACTOR).callAs(() -> TenantContext.callAs(tenant, () -> closeTenant(tenant, now)));
    }

    private Outcome closeTenant(UUID tenant, Instant now) {
        TenantSetup setup = transaction.execute(s -> setup(tenant));
        if (setup.stores().isEmpty()) {
            return new Outcome(1, 0, 0, 0, 0);
        }
        Instant cutoff = now.minus(grace);
        LocalDate lastDue = setup.stores().values().stream()
                .map(d -> d.lastEndedBy(cutoff))
                .min(Comparator.naturalOrder())
                .orElseThrow();
        int days = 0;
        int batches = 0;
        int payouts = 0;
        Optional<LocalDate> next = setup.next();
        while (next.isPresent() && !next.get().isAfter(lastDue)) {
            LocalDate day = next.get();
            DayOutcome outcome = transaction.execute(s -> closeDay(tenant, day, setup, now));
            setup.closed(day);
            days++;
            batches += outcome.batches();
            payouts += outcome.payouts();
            next = outcome.next();
        }
        return new Outcome(1, days, batches, payouts, 0);
    }

    private static LocalDate after(LocalDate day, LocalDate lastClosed) {
        return lastClosed == null || day.isAfter(lastClosed) ? day : lastClosed.plusDays(1);
    }

    /** What closing a day did, and the next day with anything to close. */
    private record DayOutcome(int batches, int payouts, Optional<LocalDate> next) {}

    /** What closing a tenant's days needs: its stores' day rules, last closed day, payout account and delay. */
    private static final class TenantSetup {
        private final Map<UUID, BusinessDay> stores;
        private final UUID payoutAccount;
        private final int payoutDelayDays;
        private LocalDate lastClosed;
        private Optional<LocalDate> next = Optional.empty();

        TenantSetup(Map<UUID, BusinessDay> stores, UUID payoutAccount, int payoutDelayDays, LocalDate lastClosed) {
            this.stores = stores;
            this.payoutAccount = payoutAccount;
            this.payoutDelayDays = payoutDelayDays;
            this.lastClosed = lastClosed;
        }

        Optional<LocalDate> next() {
            return next;
        }

        Map<UUID, BusinessDay> stores() {
            return stores;
        }

        LocalDate lastClosed() {
            return lastClosed;
        }

        void closed(LocalDate day) {
            lastClosed = day;
        }
    }

    private TenantSetup setup(UUID tenant) {
        record Settings(LocalTime closeOfDay, int delay) {}
        Settings settings = jdbc.sql(
                        "select close_of_day, payout_delay_days from settlement_settings where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> new Settings(rs.getObject(1, LocalTime.class), rs.getInt(2)))
                .optional()
                .orElse(new Settings(BusinessDay.MIDNIGHT, 1));
        Map<UUID, BusinessDay> stores = new HashMap<>();
        jdbc.sql("select id, time_zone from store where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> stores.put(
                        rs.getObject(1, UUID.class),
                        new BusinessDay(ZoneId.of(rs.getString(2)), settings.closeOfDay())))
                .list();
        UUID account = jdbc.sql("select id from payout_account where tenant_id = ? and active")
                .param(tenant)
                .query(UUID.class)
                .optional()
                .orElse(null);
        LocalDate lastClosed = jdbc.sql("select max(business_day) from settlement_batch where tenant_id = ?")
                .param(tenant)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        TenantSetup setup = new TenantSetup(stores, account, settings.delay(), lastClosed);
        setup.next = nextDay(tenant, setup, lastClosed);
        return setup;
    }

    /**
     * The first day after {@code lastClosed} with lines (a line's day is never a closed one), or of the oldest
     * adjustment not in a batch yet: the first day that has ended in every store after it was recorded.
     */
    private Optional<LocalDate> nextDay(UUID tenant, TenantSetup setup, LocalDate lastClosed) {
        Optional<LocalDate> operations = close.firstOpenDay(tenant, lastClosed);
        Optional<LocalDate> adjustments = close.oldestUnsettledAdjustment(tenant)
                .flatMap(at -> setup.stores().values().stream()
                        .map(rule -> rule.of(at))
                        .max(Comparator.naturalOrder()));
        return Stream.of(operations, adjustments)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .map(d -> after(d, lastClosed));
    }

    private DayOutcome closeDay(UUID tenant, LocalDate day, TenantSetup setup, Instant now) {
        close.lockTenant(tenant);
        Instant adjustmentsBefore = setup.stores().values().stream()
                .map(rule -> rule.end(day))
                .min(Comparator.naturalOrder())
                .orElseThrow();
        List<DayClose.ClosedBatch> batches =
                close.buildBatches(tenant, day, adjustmentsBefore, setup.payoutAccount, now);
        int payouts = 0;
        if (!batches.isEmpty()) {
            close.postLedger(tenant, batches, now, ACTOR);
            if (setup.payoutAccount != null) {
                LocalDate expected = calendar.addBusinessDays(day, setup.payoutDelayDays);
                for (DayClose.ClosedBatch batch : batches) {
                    if (batch.netMinor() > 0
                            && close.schedulePayout(tenant, batch, setup.payoutAccount, expected, now)) {
                        payouts++;
                    }
                }
            }
            for (DayClose.ClosedBatch batch : batches) {
                events.publishEvent(new BatchClosed(tenant, batch.id(), day, batch.currency(), batch.netMinor()));
            }
        }
        return new DayOutcome(batches.size(), payouts, nextDay(tenant, setup, day));
    }
}
