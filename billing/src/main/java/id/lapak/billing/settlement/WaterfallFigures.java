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
 * that day: the day's sales by their sale time, their captures, the operations completed within the day, and the
 * settlement line of each of those operations, probed one by one through its primary key (never a scan of the
 * tenant's lines, which grow by thousands a day).
 */
@Component
class WaterfallFigures {

    private static final String SQL = """
            with sold as (
                select s.id, s.authorized_minor, s.sold_at from sale s
                where s.tenant_id = :tenant and s.store_id = :store and s.sold_at >= :from and s.sold_at < :to
                  and s.status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')
            ),
            captures as (
                select o.sale_id, o.id, o.amount_minor, o.completed_at, sold.sold_at from sold
                join payment_operation o on o.tenant_id = :tenant and o.sale_id = sold.id
                where o.kind = 'CAPTURE' and o.status = 'SUCCEEDED'
                union
                select o.sale_id, o.id, o.amount_minor, o.completed_at, s.sold_at from payment_operation o
                join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                where o.tenant_id = :tenant and s.store_id = :store and o.kind = 'CAPTURE' and o.status = 'SUCCEEDED'
                  and o.completed_at >= :from and o.completed_at < :to
            ),
            moves as (
                select o.id, o.kind, o.amount_minor from payment_operation o
                join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                where o.tenant_id = :tenant and s.store_id = :store and o.status = 'SUCCEEDED'
                  and o.completed_at >= :from and o.completed_at < :to
                  and (o.kind in ('CAPTURE', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
                       or (o.kind = 'REVERSAL' and exists (select 1 from payment_operation c
                           where c.tenant_id = o.tenant_id and c.sale_id = o.sale_id and c.kind = 'CAPTURE'
                             and c.status = 'SUCCEEDED')))
            ),
            lines as (
                select l.gross_minor, l.fee_minor, l.ppn_minor, p.status as payout from moves m
                cross join lateral (select * from settlement_line l
                    where l.tenant_id = :tenant and l.operation_id = m.id limit 1) l
                left join payout p on p.tenant_id = l.tenant_id and p.batch_id = l.batch_id
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
