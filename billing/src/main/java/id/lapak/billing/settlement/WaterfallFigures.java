package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of one store's business day that the waterfall is made of, read in one statement that touches only
 * that day, from index ranges (migration V2026.12.04.55 makes them index-only): the day's sales of the store by
 * their sale time, the tenant's operations completed within the day (those of other days' sales or of sales the
 * first range left out are placed in the store by one probe of their sale each), and the store's settlement lines
 * recorded within the day, matched to the day's operations by operation (a line's recorded_at is its operation's
 * completion; an operation whose line is not in that range is probed through the line's primary key). The captures
 * of the day's sales completed on another day are probed only for the sales without a capture within the day: a
 * sale is captured once (a capture needs an authorized sale). A line counts as settled once its batch exists (its day
 * closed): lines are written when their operations succeed, so the open day's are still pending. Every probe is fenced with {@code offset 0}, so it stays
 * a probe instead of a hash join over the tenant's history.
 */
@Component
class WaterfallFigures {

    private static final String SQL = """
            with sold as materialized (
                select s.id, s.authorized_minor, s.sold_at from sale s
                where s.tenant_id = :tenant and s.store_id = :store and s.sold_at >= :from and s.sold_at < :to
                  and s.status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')
            ),
            day_ops as materialized (
                select o.id, o.sale_id, o.kind, o.amount_minor, o.completed_at from payment_operation o
                where o.tenant_id = :tenant and o.status = 'SUCCEEDED' and o.completed_at >= :from
                  and o.completed_at < :to
            ),
            store_ops as materialized (
                select o.id, o.sale_id, o.kind, o.amount_minor, o.completed_at, sold.sold_at from day_ops o
                join sold on sold.id = o.sale_id
                union all
                select o.id, o.sale_id, o.kind, o.amount_minor, o.completed_at, s.sold_at from day_ops o
                cross join lateral (select s.sold_at from sale s
                    where s.tenant_id = :tenant and s.id = o.sale_id and s.store_id = :store offset 0) s
                where not exists (select 1 from sold where sold.id = o.sale_id)
            ),
            captures as materialized (
                select sale_id, id, amount_minor, completed_at, sold_at from store_ops where kind = 'CAPTURE'
                union all
                select o.sale_id, o.id, o.amount_minor, o.completed_at, sold.sold_at from sold
                cross join lateral (select o.sale_id, o.id, o.amount_minor, o.completed_at from payment_operation o
                    where o.tenant_id = :tenant and o.sale_id = sold.id and o.kind = 'CAPTURE'
                      and o.status = 'SUCCEEDED' offset 0) o
                where not exists (select 1 from store_ops c where c.sale_id = sold.id and c.kind = 'CAPTURE')
            ),
            moves as materialized (
                select o.id, o.kind, o.amount_minor from store_ops o
                where o.kind in ('CAPTURE', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
                   or (o.kind = 'REVERSAL' and exists (select 1 from payment_operation c
                       where c.tenant_id = :tenant and c.sale_id = o.sale_id and c.kind = 'CAPTURE'
                         and c.status = 'SUCCEEDED'))
            ),
            day_lines as materialized (
                select l.operation_id, l.batch_id, l.gross_minor, l.fee_minor, l.ppn_minor from settlement_line l
                where l.tenant_id = :tenant and l.store_id = :store and l.recorded_at >= :from
                  and l.recorded_at < :to
            ),
            move_lines as materialized (
                select l.batch_id, l.gross_minor, l.fee_minor, l.ppn_minor from moves m
                join day_lines l on l.operation_id = m.id
                union all
                select l.batch_id, l.gross_minor, l.fee_minor, l.ppn_minor from moves m
                cross join lateral (select l.batch_id, l.gross_minor, l.fee_minor, l.ppn_minor from settlement_line l
                    where l.tenant_id = :tenant and l.operation_id = m.id offset 0) l
                where not exists (select 1 from day_lines d where d.operation_id = m.id)
            ),
            closed as materialized (
                select b.id from (select distinct batch_id from move_lines) x
                cross join lateral (select b.id from settlement_batch b
                    where b.tenant_id = :tenant and b.id = x.batch_id offset 0) b
            ),
            lines as materialized (
                select l.gross_minor, l.fee_minor, l.ppn_minor, p.status as payout from move_lines l
                join closed on closed.id = l.batch_id
                left join payout p on p.tenant_id = :tenant and p.batch_id = l.batch_id
            )
            select
                (select coalesce(sum(authorized_minor), 0) from sold) as sold,
                (select coalesce(sum(authorized_minor), 0) from sold
                    where not exists (select 1 from captures c where c.sale_id = sold.id)) as not_captured,
                (select coalesce(sum(c.amount_minor), 0) from captures c join sold on sold.id = c.sale_id
                    where c.completed_at >= :to) as captured_later,
                (select coalesce(sum(c.amount_minor), 0) from captures c
                    where c.completed_at >= :from and c.completed_at < :to and c.sold_at < :from)
                    as captured_from_earlier,
                (select coalesce(sum(amount_minor), 0) from moves where kind = 'CAPTURE') as captured,
                (select coalesce(sum(amount_minor), 0) from moves where kind = 'REFUND') as refunds,
                (select coalesce(sum(amount_minor), 0) from moves where kind = 'REVERSAL') as reversals,
                (select coalesce(sum(case when kind = 'CHARGEBACK' then amount_minor else -amount_minor end), 0)
                    from moves where kind in ('CHARGEBACK', 'CHARGEBACK_REVERSAL')) as chargebacks,
                (select coalesce(sum(gross_minor), 0) from lines) as settled,
                (select coalesce(sum(fee_minor), 0) from lines) as fees,
                (select coalesce(sum(ppn_minor), 0) from lines) as ppn,
                (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines
                    where payout is null or payout = 'SCHEDULED') as awaiting_payout,
                (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'SENT')
                    as in_transit,
                (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'FAILED')
                    as failed_returned,
                (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'PAID')
                    as confirmed
            """;

    private final JdbcClient jdbc;

    WaterfallFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of a store's day {@code [from, to)} (the caller has checked the store is the person's). */
    DayFigures of(UUID tenant, UUID store, Instant from, Instant to) {
        return jdbc.sql(SQL)
                .param("tenant", tenant)
                .param("store", store)
                .param("from", DayClose.time(from))
                .param("to", DayClose.time(to))
                .query((rs, n) -> new DayFigures(
                        rs.getLong("sold"),
                        rs.getLong("not_captured"),
                        rs.getLong("captured_later"),
                        rs.getLong("captured_from_earlier"),
                        rs.getLong("captured"),
                        rs.getLong("refunds"),
                        rs.getLong("reversals"),
                        rs.getLong("chargebacks"),
                        rs.getLong("settled"),
                        rs.getLong("fees"),
                        rs.getLong("ppn"),
                        rs.getLong("awaiting_payout"),
                        rs.getLong("in_transit"),
                        rs.getLong("failed_returned"),
                        rs.getLong("confirmed")))
                .single();
    }

    /** One store's day in minor units, each a sum the waterfall shows as a step or a total. */
    record DayFigures(
            long sold,
            long notCaptured,
            long capturedLater,
            long capturedFromEarlier,
            long captured,
            long refunds,
            long reversals,
            long chargebacks,
            long settled,
            long fees,
            long ppn,
            long awaitingPayout,
            long inTransit,
            long failedReturned,
            long confirmed) {

        /**
         * The steps, totals among them: each total equals the one before it plus the steps between, so every
         * difference has a name ("partially approved" and "chargebacks" only when there are any).
         */
        List<Step> steps() {
            long net = captured - refunds - reversals - chargebacks;
            long partial = sold - notCaptured - capturedLater + capturedFromEarlier - captured;
            List<Step> steps = new ArrayList<>();
            steps.add(new Step("sales", sold, true));
            steps.add(new Step("notCaptured", -notCaptured, false));
            steps.add(new Step("capturedOnAnotherDay", -capturedLater, false));
            steps.add(new Step("capturedFromEarlierDays", capturedFromEarlier, false));
            if (partial != 0) {
                steps.add(new Step("partiallyApproved", -partial, false));
            }
            steps.add(new Step("captured", captured, true));
            steps.add(new Step("refunds", -refunds, false));
            steps.add(new Step("reversals", -reversals, false));
            if (chargebacks != 0) {
                steps.add(new Step("chargebacks", -chargebacks, false));
            }
            steps.add(new Step("pending", -(net - settled), false));
            steps.add(new Step("settled", settled, true));
            steps.add(new Step("fees", -fees, false));
            steps.add(new Step("ppn", -ppn, false));
            steps.add(new Step("netSettled", settled - fees - ppn, true));
            steps.add(new Step("awaitingPayout", -awaitingPayout, false));
            steps.add(new Step("inTransit", -inTransit, false));
            steps.add(new Step("failedReturned", -failedReturned, false));
            steps.add(new Step("confirmed", confirmed, true));
            return List.copyOf(steps);
        }
    }
}
