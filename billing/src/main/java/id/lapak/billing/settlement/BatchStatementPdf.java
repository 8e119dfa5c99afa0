package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.tenant.money.Money;
import java.io.ByteArrayOutputStream;
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
 * A batch's statement as PDF (OpenPDF): the day's totals in the reader's language and number format
 * ({@code Rp 1.234.567} in Indonesian), then every line. {@code labels} translates the settlement.* keys, so the
 * PDF says what the page says.
 */
final class BatchStatementPdf {

    private BatchStatementPdf() {}

    static byte[] pdf(
            String tenantName, BatchRow batch, List<LineRow> lines, Locale locale, Function<String, String> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        String day = batch.businessDay()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        document.add(new Paragraph(labels.apply("settlement.statement.title") + " · " + tenantName, title));
        document.add(new Paragraph(labels.apply("settlement.column.day") + ": " + day, body));
        document.add(new Paragraph(" ", body));

        document.add(totals(batch, locale, labels, body, bold));
        document.add(new Paragraph(" ", body));
        document.add(linesTable(lines, batch.currency(), locale, labels, body, bold));
        document.close();
        return out.toByteArray();
    }

    /** The day's totals: lines, gross, refunds, fees, PPN and, once closed, what was carried, adjusted and paid. */
    private static PdfPTable totals(
            BatchRow batch, Locale locale, Function<String, String> labels, Font body, Font bold) {
        PdfPTable totals = new PdfPTable(2);
        totals.setWidthPercentage(50);
        totals.setHorizontalAlignment(Element.ALIGN_LEFT);
        String c = batch.currency();
        row(totals, labels.apply("settlement.column.lines"), Integer.toString(batch.lines()), body, body);
        row(totals, labels.apply("settlement.column.gross"), money(batch.gross(), c, locale), body, body);
        row(totals, labels.apply("settlement.column.refunds"), money(-batch.refunds(), c, locale), body, body);
        row(totals, labels.apply("settlement.column.fees"), money(-batch.fees(), c, locale), body, body);
        row(totals, labels.apply("settlement.column.ppn"), money(-batch.ppn(), c, locale), body, body);
        if (batch.net() != null) {
            if (batch.carriedIn() != null && batch.carriedIn() != 0) {
                row(totals, labels.apply("settlement.column.carried"), money(batch.carriedIn(), c, locale), body, body);
            }
            if (batch.adjustments() != null && batch.adjustments() != 0) {
                row(
                        totals,
                        labels.apply("settlement.column.adjustments"),
                        money(batch.adjustments(), c, locale),
                        body,
                        body);
            }
            row(totals, labels.apply("settlement.column.net"), money(batch.net(), c, locale), bold, bold);
        }
        return totals;
    }

    /** Every line of the batch with its time, store, kind, brand, amount, fee and PPN. */
    private static PdfPTable linesTable(
            List<LineRow> lines, String c, Locale locale, Function<String, String> labels, Font body, Font bold) {
        PdfPTable table = new PdfPTable(new float[] {2.2f, 2f, 1.4f, 1.2f, 1.6f, 1.2f, 1.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of(
                "settlement.column.recorded",
                "settlement.column.store",
                "settlement.column.kind",
                "settlement.column.brand",
                "settlement.column.amount",
                "settlement.column.fees",
                "settlement.column.ppn")) {
            table.addCell(new PdfPCell(new Phrase(labels.apply(key), bold)));
        }
        DateTimeFormatter time =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
        for (LineRow l : lines) {
            table.addCell(new Phrase(l.recordedAt().atZone(l.storeZone()).format(time), body));
            table.addCell(new Phrase(l.storeName(), body));
            table.addCell(new Phrase(
                    labels.apply("settlement.kind." + l.kind())
                            + (l.late() ? " · " + labels.apply("settlement.line.late") : ""),
                    body));
            table.addCell(new Phrase(labels.apply("settlement.brand." + l.brand()), body));
            table.addCell(amountCell(money(l.gross(), c, locale), body));
            table.addCell(amountCell(money(l.fee(), c, locale), body));
            table.addCell(amountCell(money(l.ppn(), c, locale), body));
        }
        return table;
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        table.addCell(new PdfPCell(new Phrase(label, labelFont)));
        table.addCell(amountCell(value, valueFont));
    }

    private static PdfPCell amountCell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String money(long minor, String currency, Locale locale) {
        return Money.of(minor, currency).format(locale);
    }
}
