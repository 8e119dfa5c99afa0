package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.pricing.FeeRule;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What must hold of a tenant's batches, lines and ledger after any sequence of closes (read as support would). */
final class SettlementChecks {

    record Batch(
            UUID id,
            LocalDate day,
            int lines,
            int late,
            long gross,
            long refunds,
            long fees,
            long ppn,
            long carriedIn,
            long adjustments,
            long net) {}

    /** Everything the close wrote, comparable between runs. */
    record Snapshot(List<String> batches, List<String> lines, List<String> ledger, List<String> payouts) {}

    private final PlatformAccess platform;
    private final JdbcClient jdbc;

    SettlementChecks(PlatformAccess platform, JdbcClient jdbc) {
        this.platform = platform;
        this.jdbc = jdbc;
    }

    List<Batch> batches(UUID tenant) {
        return platform.call(
                "test: batches",
                () -> jdbc.sql("""
                        select id, business_day, line_count, late_count, gross_minor, refunds_minor, fees_minor,
                               ppn_minor, carried_in_minor, adjustments_minor, net_minor
                        from settlement_batch where tenant_id = ? order by business_day, currency""")
                        .param(tenant)
                        .query((rs, n) -> new Batch(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, LocalDate.class),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9),
                                rs.getLong(10),
                                rs.getLong(11)))
                        .list());
    }

    List<Map.Entry<LocalDate, Long>> payouts(UUID tenant) {
        return platform.call(
                "test: payouts",
                () -> jdbc.sql(
                                "select expected_on, amount_minor from payout where tenant_id = ? order by expected_on, id")
                        .param(tenant)
                        .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                        .list());
    }

    Snapshot snapshot(UUID tenant) {
        return platform.call(
                "test: snapshot",
                () -> new Snapshot(
                        strings(
                                "select concat_ws('|', id, business_day, line_count, net_minor, carried_in_minor,"
                                        + " adjustments_minor) from settlement_batch where tenant_id = ? order by 1",
                                tenant),
                        strings(
                                "select concat_ws('|', operation_id, batch_id, gross_minor, fee_minor, ppn_minor, late)"
                                        + " from settlement_line where tenant_id = ? union all select concat_ws('|', adjustment_id,"
                                        + " batch_id, amount_minor) from settlement_adjustment_line where tenant_id = ? order by 1",
                                tenant,
                                tenant),
                        strings(
                                "select concat_ws('|', t.id, t.kind, e.entry_no, e.account, e.amount_minor) from ledger_transaction t"
                                        + " join ledger_entry e on e.tenant_id = t.tenant_id and e.transaction_id = t.id"
                                        + " where t.tenant_id = ? order by 1",
                                tenant),
                        strings(
                                "select concat_ws('|', batch_id, amount_minor, expected_on, status) from payout where tenant_id = ?"
                                        + " order by 1",
                                tenant)));
    }

    private List<String> strings(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list();
    }

    /**
     * The invariants: every ledger transaction balances; every batch's totals are the sums of its lines and its net
     * is gross - refunds - fees - PPN + adjustments + carried; every line's operation was recorded no later than its batch's day
     * (in its store's zone) and is marked late exactly when recorded or sold before it; every money-moving operation
     * settled is in exactly one line, with its own ledger transaction; a negative batch is carried at most once.
     */
    void assertConsistent(UUID tenant) {
        platform.run("test: settlement invariants", () -> {
            assertThat(jdbc.sql("""
                    select count(*) from (select transaction_id from ledger_entry where tenant_id = ?
                                          group by transaction_id having sum(amount_minor) <> 0) u""").param(tenant).query(Long.class).single())
                    .as("unbalanced ledger transactions")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_batch b
                    left join lateral (select count(*) n, count(*) filter (where late) late_n,
                            coalesce(sum(gross_minor) filter (where gross_minor > 0), 0) g,
                            (select coalesce(sum(x.amount_minor), 0) from settlement_adjustment_line x
                             where x.tenant_id = b.tenant_id and x.batch_id = b.id) a,
                            (select count(*) from settlement_adjustment_line x
                             where x.tenant_id = b.tenant_id and x.batch_id = b.id) a_n,
                            coalesce(-sum(gross_minor) filter (where gross_minor < 0), 0) r,
                            coalesce(sum(fee_minor), 0) f, coalesce(sum(ppn_minor), 0) p
                        from settlement_line l where l.tenant_id = b.tenant_id and l.batch_id = b.id) s on true
                    where b.tenant_id = ? and (b.line_count <> s.n or b.late_count <> s.late_n
                        or b.gross_minor <> s.g or b.refunds_minor <> s.r or b.fees_minor <> s.f
                        or b.ppn_minor <> s.p or b.adjustments_minor <> s.a or b.adjustment_count <> s.a_n
                        or b.net_minor <> s.g - s.r - s.f - s.p + s.a + b.carried_in_minor)""").param(tenant).query(Long.class).single())
                    .as("batches whose totals differ from their lines")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_line l
                    join settlement_batch b on b.tenant_id = l.tenant_id and b.id = l.batch_id
                    join store s on s.tenant_id = l.tenant_id and s.id = l.store_id
                    where l.tenant_id = ? and (
                        l.recorded_at >= ((b.business_day + 1)::timestamp at time zone s.time_zone)
                        or l.late <> (l.recorded_at < (b.business_day::timestamp at time zone s.time_zone)
                                      or (l.kind = 'CAPTURE'
                                          and l.sold_at < (b.business_day::timestamp at time zone s.time_zone))))""").param(tenant).query(Long.class).single())
                    .as("lines in a day before their own or mislabelled")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_line l where l.tenant_id = ? and 2 <> (
                        select count(*) from ledger_entry e where e.tenant_id = l.tenant_id
                            and e.transaction_id = l.operation_id)""").param(tenant).query(Long.class).single())
                    .as("lines without their ledger transaction")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_line l where l.tenant_id = ?
                        and l.business_day <= (select max(b.business_day) from settlement_batch b
                                               where b.tenant_id = l.tenant_id)
                        and not exists (select 1 from settlement_batch b
                                        where b.tenant_id = l.tenant_id and b.id = l.batch_id)""").param(tenant).query(Long.class).single())
                    .as("lines of a closed day outside its batch")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_batch b where b.tenant_id = ? and not exists (
                        select 1 from ledger_transaction t where t.tenant_id = b.tenant_id and t.kind = 'SETTLEMENT'
                            and t.source_id = b.id)""").param(tenant).query(Long.class).single())
                    .as("batches without their settlement")
                    .isZero();
            assertThat(jdbc.sql("select count(*) from payout where tenant_id = ? and amount_minor <= 0")
                            .param(tenant)
                            .query(Long.class)
                            .single())
                    .isZero();
        });
    }

    /** Every operation that moved money is in exactly one batch (after every day was closed). */
    void assertEveryOperationSettledOnce(UUID tenant) {
        platform.run("test: operations settled once", () -> {
            long moving = jdbc.sql("""
                    select count(*) from payment_operation where tenant_id = ? and status = 'SUCCEEDED'
                        and kind in ('CAPTURE', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')""").param(tenant).query(Long.class).single();
            long lines = jdbc.sql("select count(*) from settlement_line where tenant_id = ?")
                    .param(tenant)
                    .query(Long.class)
                    .single();
            long distinct = jdbc.sql("select count(distinct operation_id) from settlement_line where tenant_id = ?")
                    .param(tenant)
                    .query(Long.class)
                    .single();
            assertThat(lines).isEqualTo(moving).isEqualTo(distinct);
        });
    }

    /** Every adjustment is in exactly one batch, of the first day that ended in every store after it was recorded. */
    void assertEveryAdjustmentSettledOnce(UUID tenant) {
        platform.run("test: adjustments settled once", () -> {
            assertThat(jdbc.sql("""
                    select count(*) from ledger_adjustment a where a.tenant_id = ? and 1 <> (
                        select count(*) from settlement_adjustment_line x
                        where x.tenant_id = a.tenant_id and x.adjustment_id = a.id)""").param(tenant).query(Long.class).single())
                    .as("adjustments not in exactly one batch")
                    .isZero();
            assertThat(jdbc.sql("""
                    select count(*) from settlement_adjustment_line x
                    join ledger_adjustment a on a.tenant_id = x.tenant_id and a.id = x.adjustment_id
                    join settlement_batch b on b.tenant_id = x.tenant_id and b.id = x.batch_id
                    where x.tenant_id = ? and exists (select 1 from store s where s.tenant_id = x.tenant_id
                        and a.created_at >= ((b.business_day + 1)::timestamp at time zone s.time_zone))""").param(tenant).query(Long.class).single())
                    .as("adjustments in a day before their own")
                    .isZero();
        });
    }

    /** Every capture line's fee and PPN are what the Java fee rule says. */
    void assertFees(UUID tenant, FeeRule rule) {
        platform.run(
                "test: fees",
                () -> jdbc.sql("""
                        select gross_minor, fee_minor, ppn_minor, kind from settlement_line where tenant_id = ?""")
                        .param(tenant)
                        .query((rs, n) -> {
                            Money gross = Money.of(rs.getLong(1), "IDR");
                            boolean capture = "CAPTURE".equals(rs.getString(4));
                            Money fee = capture ? rule.fee(gross) : Money.of(0, "IDR");
                            assertThat(rs.getLong(2)).as("fee of %s", gross).isEqualTo(fee.minor());
                            assertThat(rs.getLong(3))
                                    .as("PPN of %s", fee)
                                    .isEqualTo(rule.ppn(fee).minor());
                            return null;
                        })
                        .list());
    }
}
