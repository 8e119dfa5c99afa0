package id.lapak.reports;

import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** A {@link ReportTable} as CSV, XLSX and PDF, in the reader's language, with the filters printed on it. */
public final class ReportFiles {

    private ReportFiles() {}

    /** The text of a cell as the page and the PDF show it. */
    public static String text(Object cell, Locale locale) {
        return switch (cell) {
            case null -> "";
            case Money money -> money.format(locale);
            case Long count -> NumberFormat.getIntegerInstance(locale).format(count);
            case ReportTable.Share share -> percent(share, locale);
            default -> cell.toString();
        };
    }

    private static String percent(ReportTable.Share share, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share.basisPoints() / 10_000.0);
    }

    public static String csv(ReportTable table) {
        StringBuilder out = new StringBuilder();
        CsvWriter.writeRow(out, List.of(table.title()));
        for (String filter : table.filters()) {
            CsvWriter.writeRow(out, List.of(filter));
        }
        CsvWriter.writeRow(out, table.columns());
        for (List<Object> row : table.rows()) {
            CsvWriter.writeRow(out, csvCells(row));
        }
        if (table.totals() != null) {
            CsvWriter.writeRow(out, csvCells(table.totals()));
        }
        return out.toString();
    }

    private static List<Object> csvCells(List<Object> row) {
        List<Object> cells = new ArrayList<>();
        for (Object cell : row) {
            cells.add(
                    switch (cell) {
                        case null -> "";
                        case Money money -> CsvWriter.number(money.toPlainString());
                        case Long count -> CsvWriter.number(count.toString());
                        case ReportTable.Share share ->
                            CsvWriter.number(
                                    BigDecimal.valueOf(share.basisPoints(), 2).toPlainString());
                        default -> cell.toString();
                    });
        }
        return cells;
    }

    public static byte[] xlsx(ReportTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(safeSheetName(table.title()));
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(table.title());
            for (String filter : table.filters()) {
                sheet.createRow(r++).createCell(0).setCellValue(filter);
            }
            Row header = sheet.createRow(r++);
            for (int c = 0; c < table.columns().size(); c++) {
                header.createCell(c).setCellValue(table.columns().get(c));
                header.getCell(c).setCellStyle(bold);
            }
            for (List<Object> row : table.rows()) {
                xlsxRow(sheet.createRow(r++), row, null);
            }
            if (table.totals() != null) {
                xlsxRow(sheet.createRow(r), table.totals(), bold);
            }
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.setColumnWidth(c, c == 0 ? 9_000 : 5_000);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void xlsxRow(Row row, List<Object> cells, CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            switch (cells.get(c)) {
                case null -> cell.setCellValue("");
                case Money money -> cell.setCellValue(new BigDecimal(money.toPlainString()).doubleValue());
                case Long count -> cell.setCellValue(count);
                case ReportTable.Share share -> cell.setCellValue(share.basisPoints() / 10_000.0);
                default -> cell.setCellValue(cells.get(c).toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String safeSheetName(String title) {
        String name = title.replaceAll("[\\[\\]*?/\\\\:]", " ").strip();
        return name.isEmpty() ? "Report" : name.substring(0, Math.min(31, name.length()));
    }

    public static byte[] pdf(ReportTable table, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document =
                new Document(table.columns().size() > 4 ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        org.openpdf.text.Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        org.openpdf.text.Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        org.openpdf.text.Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        document.add(new Paragraph(table.title(), title));
        for (String filter : table.filters()) {
            document.add(new Paragraph(filter, body));
        }
        document.add(new Paragraph(" ", body));
        PdfPTable pdf = new PdfPTable(table.columns().size());
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        for (String column : table.columns()) {
            pdf.addCell(new PdfPCell(new Phrase(column, bold)));
        }
        for (List<Object> row : table.rows()) {
            pdfRow(pdf, row, locale, body);
        }
        if (table.totals() != null) {
            pdfRow(pdf, table.totals(), locale, bold);
        }
        document.add(pdf);
        document.close();
        return out.toByteArray();
    }

    private static void pdfRow(PdfPTable pdf, List<Object> cells, Locale locale, org.openpdf.text.Font font) {
        for (Object value : cells) {
            PdfPCell cell = new PdfPCell(new Phrase(text(value, locale), font));
            if (value instanceof Money || value instanceof Long || value instanceof ReportTable.Share) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            pdf.addCell(cell);
        }
    }
}
