package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.money.Money;
import java.io.ByteArrayOutputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A month's statement: one row per closed business day of the month (its batch's totals) and the month's totals,
 * as CSV, PDF (OpenPDF, in the reader's language and number format) and, through {@link StatementXlsx}, XLSX. For a
 * store manager the carried, adjustment and net amounts belong to the whole tenant and are left out (zero).
 */
final class MonthStatement {

    /** The columns: day, lines, then the amounts of {@link #amounts}. */
    static final List<String> COLUMNS = List.of(
            "settlement.column.day",
            "settlement.column.lines",
            "settlement.column.gross",
            "settlement.column.refunds",
            "settlement.column.fees",
            "settlement.column.ppn",
            "settlement.column.adjustments",
            "settlement.column.carried",
            "settlement.column.net");

    private MonthStatement() {}

    /** Captured, refunds, fees, PPN (taken away: negative), adjustments, carried in, net. */
    static long[] amounts(BatchRow b) {
        long gross = b.gross();
        long net = b.net() == null ? b.gross() - b.refunds() - b.fees() - b.ppn() : b.net();
        return new long[] {gross, -b.refunds(), -b.fees(), -b.ppn(), orZero(b.adjustments()), orZero(b.carriedIn()), net
        };
    }

    static long[] totals(List<BatchRow> batches) {
        long[] sums = new long[7];
        for (BatchRow b : batches) {
            long[] values = amounts(b);
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
        }
        return sums;
    }

    static String csv(YearMonth month, List<BatchRow> batches) {
        String currency = currency(batches);
        StringBuilder out = new StringBuilder();
        out.append("month,").append(month).append('\n');
        out.append("currency,").append(currency).append('\n').append('\n');
        out.append("business_day,lines,captured,refunds,fees,ppn_on_fees,adjustments,carried_in,net\n");
        for (BatchRow b : batches) {
            out.append(b.businessDay()).append(',').append(b.lines());
            for (long v : amounts(b)) {
                out.append(',').append(plain(v, currency));
            }
            out.append('\n');
        }
        out.append("total,").append(batches.stream().mapToInt(BatchRow::lines).sum());
        for (long v : totals(batches)) {
            out.append(',').append(plain(v, currency));
        }
        return out.append('\n').toString();
    }

    static byte[] pdf(
            String tenantName,
            YearMonth month,
            List<BatchRow> batches,
            Locale locale,
            Function<String, String> labels) {
        String currency = currency(batches);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        document.add(new Paragraph(labels.apply("settlement.statement.monthTitle") + " · " + tenantName, title));
        document.add(new Paragraph(month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale)), body));
        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(COLUMNS.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        COLUMNS.forEach(key -> table.addCell(new PdfPCell(new Phrase(labels.apply(key), bold))));
        DateTimeFormatter day =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        for (BatchRow b : batches) {
            table.addCell(new Phrase(b.businessDay().format(day), body));
            table.addCell(right(Integer.toString(b.lines()), body));
            for (long v : amounts(b)) {
                table.addCell(right(Money.of(v, currency).format(locale), body));
            }
        }
        table.addCell(new Phrase(labels.apply("settlement.statement.total"), bold));
        table.addCell(right(
                Integer.toString(batches.stream().mapToInt(BatchRow::lines).sum()), bold));
        for (long v : totals(batches)) {
            table.addCell(right(Money.of(v, currency).format(locale), bold));
        }
        document.add(table);
        if (batches.isEmpty()) {
            document.add(new Paragraph(labels.apply("settlement.statement.monthEmpty"), body));
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String currency(List<BatchRow> batches) {
        return batches.isEmpty() ? "IDR" : batches.getFirst().currency();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String plain(long minor, String currency) {
        return CsvWriter.cell(CsvWriter.number(Money.of(minor, currency).toPlainString()));
    }
}
