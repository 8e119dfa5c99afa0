package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.money.Money;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A batch's statement as CSV (UTF-8): a summary block (business day, totals, carried amount, net, payout) and one
 * line per settled operation with its sale id, so every figure can be traced to its sale. Amounts are in major
 * units with a dot, no grouping; times are local to the line's store, ISO format.
 */
final class BatchStatement {

    private BatchStatement() {}

    static String csv(BatchRow batch, List<LineRow> lines) {
        String c = batch.currency();
        StringBuilder out = new StringBuilder();
        out.append("business_day,").append(batch.businessDay()).append('\n');
        out.append("currency,").append(c).append('\n');
        out.append("lines,").append(batch.lines()).append('\n');
        out.append("captured,").append(plain(batch.gross(), c)).append('\n');
        out.append("refunds,").append(plain(batch.refunds(), c)).append('\n');
        out.append("fees,").append(plain(batch.fees(), c)).append('\n');
        out.append("ppn_on_fees,").append(plain(batch.ppn(), c)).append('\n');
        if (batch.net() != null) {
            out.append("carried_in,").append(plain(batch.carriedIn(), c)).append('\n');
            out.append("adjustments,").append(plain(batch.adjustments(), c)).append('\n');
            out.append("net,").append(plain(batch.net(), c)).append('\n');
            out.append("payout,")
                    .append(batch.payoutStatus() == null ? "" : batch.payoutStatus())
                    .append(',')
                    .append(batch.payoutExpectedOn() == null ? "" : batch.payoutExpectedOn())
                    .append('\n');
        }
        out.append('\n');
        out.append("recorded_at,sold_at,store,type,card,amount,fee,ppn,late,sale_id,operation_id\n");
        DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
        for (LineRow l : lines) {
            out.append(l.recordedAt().atZone(l.storeZone()).toLocalDateTime().format(local))
                    .append(',')
                    .append(l.soldAt().atZone(l.storeZone()).toLocalDateTime().format(local))
                    .append(',')
                    .append(cell(l.storeName()))
                    .append(',')
                    .append(l.kind())
                    .append(',')
                    .append(l.brand())
                    .append(',')
                    .append(plain(l.gross(), c))
                    .append(',')
                    .append(plain(l.fee(), c))
                    .append(',')
                    .append(plain(l.ppn(), c))
                    .append(',')
                    .append(l.late())
                    .append(',')
                    .append(l.saleId())
                    .append(',')
                    .append(l.operationId())
                    .append('\n');
        }
        return out.toString();
    }
    /** An amount as a number cell (negative amounts stay numbers). */
    private static String plain(long minor, String currency) {
        return CsvWriter.cell(CsvWriter.number(Money.of(minor, currency).toPlainString()));
    }

    private static String cell(String value) {
        return CsvWriter.cell(value);
    }
}
