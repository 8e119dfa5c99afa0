package id.lapak.billing.payout;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.ledger.LedgerKind;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support's payout work across tenants, through the named platform path and audited in each tenant's chain: a
 * payout file run of the payouts due, and marking payouts sent, paid or failed by hand or from the bank's answer
 * file. Each change posts its ledger transaction (sent: payable to in transit; paid: in transit to the platform's
 * cash; failed: back to payable) in the same transaction; a change the payout's state does not allow is refused.
 */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class PayoutService {

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String debtorName;
    private final String debtorAccount;

    PayoutService(
            PlatformAccess platform,
            JdbcClient jdbc,
            Ledger ledger,
            AuditLog auditLog,
            Clock clock,
            @Value("${lapak.payouts.debtor-name:PT Lapak Pembayaran Indonesia}") String debtorName,
            @Value("${lapak.payouts.debtor-account:0000000000}") String debtorAccount) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.clock = clock;
        this.debtorName = debtorName;
        this.debtorAccount = debtorAccount;
    }

    /**
     * Gathers every scheduled payout due by {@code dueOn} and not in a run yet into a new run and returns its files
     * (null when nothing is due). A payout is in one run only.
     */
    public PayoutRun createRun(LocalDate dueOn, String currency) {
        return platform.call("payout run: gather due payouts", () -> {
            List<DuePayout> due = jdbc.sql("""
                            select p.tenant_id, p.id, p.batch_id, b.business_day, t.name, a.bank_code, a.bank_name,
                                   a.account_number, a.holder_name, p.currency, p.amount_minor, p.expected_on
                            from payout p
                            join settlement_batch b on b.tenant_id = p.tenant_id and b.id = p.batch_id
                            join payout_account a on a.tenant_id = p.tenant_id and a.id = p.payout_account_id
                            join tenant t on t.id = p.tenant_id
                            where p.status = 'SCHEDULED' and p.run_id is null and p.expected_on <= ? and p.currency = ?
                            order by p.expected_on, t.name, p.id
                            for update of p""")
                    .params(dueOn, currency)
                    .query((rs, n) -> new DuePayout(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, LocalDate.class),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getLong(11),
                            rs.getObject(12, LocalDate.class)))
                    .list();
            if (due.isEmpty()) {
                return null;
            }
            UUID run = UUID.randomUUID();
            Instant now = clock.instant();
            long total = due.stream().mapToLong(DuePayout::amountMinor).sum();
            jdbc.sql("insert into payout_run (id, created_at, created_by, due_on, payouts, total_minor, currency) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(run, time(now), actor(), dueOn, due.size(), total, currency)
                    .update();
            for (DuePayout p : due) {
                jdbc.sql("update payout set run_id = ? where tenant_id = ? and id = ?")
                        .params(run, p.tenantId(), p.id())
                        .update();
                auditLog.recordFor(
                        p.tenantId(),
                        AuditEvent.of("payout.run", "Payout", p.id())
                                .detail("run", run)
                                .detail("amountMinor", p.amountMinor()));
            }
            return new PayoutRun(
                    run,
                    dueOn,
                    due.size(),
                    total,
                    currency,
                    PayoutFiles.csv(due),
                    PayoutFiles.pain001(run, now, debtorName, debtorAccount, due));
        });
    }

    /** Marks one payout; {@code note} is the bank's reference (sent, paid) or the failure reason (failed). */
    public void mark(UUID payoutId, PayoutStatus next, String note) {
        platform.run("payouts: mark " + next.name().toLowerCase(Locale.ROOT), () -> markOne(payoutId, next, note, 0));
    }

    /**
     * Applies the bank's answer file: a header {@code payout_id,status,bank_reference,reason} and one line per
     * payout with status SENT, PAID or FAILED (a reason is required for FAILED). All lines or none: the first bad
     * line refuses the whole file, naming it.
     */
    public int applyBankAnswer(String file) {
        return platform.call("payouts: bank answer file", () -> {
            List<String[]> rows = parseAnswer(file);
            int line = 1;
            for (String[] row : rows) {
                line++;
                markOne(
                        UUID.fromString(row[0]),
                        PayoutStatus.valueOf(row[1]),
                        row[1].equals("FAILED") ? row[3] : row[2],
                        line);
            }
            return rows.size();
        });
    }

    static List<String[]> parseAnswer(String file) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(file))) {
            String header = in.readLine();
            if (header == null || !header.strip().equals("payout_id,status,bank_reference,reason")) {
                throw new PayoutException(
                        "answer_header", "The first line must be " + "payout_id,status,bank_reference,reason", 1);
            }
            String text;
            int line = 1;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != 4) {
                    throw new PayoutException("answer_columns", "4 columns expected, found " + cells.length, line);
                }
                try {
                    UUID.fromString(cells[0].strip());
                } catch (IllegalArgumentException e) {
                    throw new PayoutException("answer_payout_id", "not a payout id", line);
                }
                String status = cells[1].strip().toUpperCase(Locale.ROOT);
                if (!List.of("SENT", "PAID", "FAILED").contains(status)) {
                    throw new PayoutException("answer_status", "status must be SENT, PAID or FAILED", line);
                }
                if (status.equals("FAILED") && cells[3].isBlank()) {
                    throw new PayoutException("answer_reason", "a failed payout needs a reason", line);
                }
                rows.add(new String[] {cells[0].strip(), status, cells[2].strip(), cells[3].strip()});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private record Current(UUID tenantId, PayoutStatus status, long amountMinor, String currency) {}

    private void markOne(UUID payoutId, PayoutStatus next, String note, int line) {
        Current current = jdbc.sql(
                        "select tenant_id, status, amount_minor, currency from payout where id = ? " + "for update")
                .param(payoutId)
                .query((rs, n) -> new Current(
                        rs.getObject(1, UUID.class),
                        PayoutStatus.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        rs.getString(4)))
                .optional()
                .orElseThrow(() -> new PayoutException("payout_unknown", "No such payout", line));
        check(current, next, note, line);
        Instant now = clock.instant();
        String column = next == PayoutStatus.FAILED ? "failure_reason" : "bank_reference";
        jdbc.sql("update payout set status = ?, " + column + " = coalesce(?, " + column + "), status_changed_at = ?, "
                        + "version = version + 1 where tenant_id = ? and id = ?")
                .params(next.name(), blankToNull(note), time(now), current.tenantId(), payoutId)
                .update();
        long amount = current.amountMinor();
        List<Ledger.Entry> entries = entries(current.status(), next, amount);
        LedgerKind kind = switch (next) {
            case SENT -> LedgerKind.PAYOUT_SENT;
            case PAID -> LedgerKind.PAYOUT_PAID;
            default -> LedgerKind.PAYOUT_FAILED;
        };
        ledger.post(current.tenantId(), kind, payoutId, current.currency(), now, actor(), blankToNull(note), entries);
        AuditEvent event = AuditEvent.of("payout." + next.name().toLowerCase(Locale.ROOT), "Payout", payoutId)
                .change("status", current.status(), next)
                .detail("amountMinor", amount);
        if (note != null && !note.isBlank()) {
            event = event.detail(next == PayoutStatus.FAILED ? "reason" : "bankReference", note);
        }
        auditLog.recordFor(current.tenantId(), event);
    }

    /** Refuses a move the payout's status does not allow, a failure without a reason, or a note too long. */
    private static void check(Current current, PayoutStatus next, String note, int line) {
        if (!current.status().canMoveTo(next)) {
            throw new PayoutException(
                    "payout_transition",
                    "A " + current.status().name().toLowerCase(Locale.ROOT) + " payout cannot become "
                            + next.name().toLowerCase(Locale.ROOT),
                    line);
        }
        if (next == PayoutStatus.FAILED && (note == null || note.isBlank())) {
            throw new PayoutException("payout_reason", "A failed payout needs a reason", line);
        }
        if (note != null && note.length() > (next == PayoutStatus.FAILED ? 500 : 100)) {
            throw new PayoutException("payout_note_length", "The reference or reason is too long", line);
        }
    }

    /** The ledger entries of a payout of {@code amount} moving from {@code from} to {@code next}. */
    private static List<Ledger.Entry> entries(PayoutStatus from, PayoutStatus next, long amount) {
        return switch (next) {
            case SENT ->
                List.of(
                        new Ledger.Entry(LedgerAccount.MERCHANT_PAYABLE, amount),
                        new Ledger.Entry(LedgerAccount.PAYOUT_IN_TRANSIT, -amount));
            case PAID ->
                List.of(
                        new Ledger.Entry(LedgerAccount.PAYOUT_IN_TRANSIT, amount),
                        new Ledger.Entry(LedgerAccount.PLATFORM_CASH, -amount));
            case FAILED ->
                List.of(
                        new Ledger.Entry(
                                from == PayoutStatus.PAID
                                        ? LedgerAccount.PLATFORM_CASH
                                        : LedgerAccount.PAYOUT_IN_TRANSIT,
                                amount),
                        new Ledger.Entry(LedgerAccount.MERCHANT_PAYABLE, -amount));
            case SCHEDULED -> throw new IllegalStateException();
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String actor() {
        return CurrentUser.find().map(u -> "support " + u.username()).orElse("support");
    }

    private static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
