package id.lapak.billing.subscription;

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
 * An invoice or note as PDF (OpenPDF, like the settlement statements): number, period, dates, every line, subtotal,
 * PPN as its own line and the total, in the reader's language and number format.
 */
final class InvoicePdf {

    private InvoicePdf() {}

    static byte[] pdf(InvoiceRow invoice, List<InvoiceLine> lines, Locale locale, Function<String, String> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String currency = invoice.total().currency().getCurrencyCode();
        document.add(new Paragraph(labels.apply("billing.kind." + invoice.kind()) + " " + invoice.number(), title));
        document.add(new Paragraph("Lapak · " + invoice.tenantName(), body));
        document.add(new Paragraph(
                labels.apply("billing.column.period") + ": "
                        + invoice.period().atDay(1).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale)),
                body));
        document.add(new Paragraph(
                labels.apply("billing.column.issued") + ": "
                        + invoice.issuedAt()
                                .atZone(InvoiceIssuer.NUMBERING_ZONE)
                                .toLocalDate()
                                .format(date),
                body));
        document.add(new Paragraph(
                labels.apply("billing.column.due") + ": " + invoice.dueOn().format(date), body));
        document.add(
                new Paragraph(labels.apply("billing.column.status") + ": " + labels.apply(invoice.statusKey()), body));
        if (invoice.note() != null) {
            document.add(new Paragraph(labels.apply("billing.field.creditReason") + ": " + invoice.note(), body));
        }
        document.add(new Paragraph(" ", body));

        PdfPTable table = new PdfPTable(new float[] {5f, 2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(new PdfPCell(new Phrase(labels.apply("billing.column.description"), bold)));
        table.addCell(amount(labels.apply("billing.column.amount"), bold));
        for (InvoiceLine line : lines) {
            if (line.kind() == InvoiceLine.LineKind.PPN) {
                continue;
            }
            table.addCell(new Phrase(InvoiceTexts.describe(line, currency, locale, labels), body));
            table.addCell(amount(Money.of(line.amountMinor(), currency).format(locale), body));
        }
        table.addCell(new Phrase(labels.apply("billing.column.subtotal"), bold));
        table.addCell(amount(invoice.subtotal().format(locale), bold));
        for (InvoiceLine line : lines) {
            if (line.kind() == InvoiceLine.LineKind.PPN) {
                table.addCell(new Phrase(InvoiceTexts.describe(line, currency, locale, labels), body));
                table.addCell(amount(Money.of(line.amountMinor(), currency).format(locale), body));
            }
        }
        table.addCell(new Phrase(labels.apply("billing.column.total"), bold));
        table.addCell(amount(invoice.total().format(locale), bold));
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell amount(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
