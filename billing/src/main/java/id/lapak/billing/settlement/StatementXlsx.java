package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.tenant.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Statements as XLSX (Apache POI) for merchants who reconcile in a spreadsheet: amounts are number cells in major
 * units (whole rupiah for IDR) with the currency's decimals, so they add up in the spreadsheet; labels in the reader's
 * language. A batch: its totals, then its lines. A month: one row per closed day, then the month's totals.
 */
final class StatementXlsx {

    private StatementXlsx() {}

    static byte[] batch(BatchRow batch, List<LineRow> lines, Function<String, String> labels) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(batch.businessDay().toString());
            CellStyle amount = amountStyle(book, batch.currency());
            int r = totals(sheet, batch, labels, amount);
            r++;
            Row header = sheet.createRow(r++);
            List<String> keys = List.of(
                    "settlement.column.recorded",
                    "settlement.column.store",
                    "settlement.column.kind",
                    "settlement.column.brand",
                    "settlement.column.amount",
                    "settlement.column.fees",
                    "settlement.column.ppn",
                    "settlement.column.sale");
            for (int i = 0; i < keys.size(); i++) {
                header.createCell(i).setCellValue(labels.apply(keys.get(i)));
            }
            for (LineRow l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0)
                        .setCellValue(l.recordedAt()
                                .atZone(l.storeZone())
                                .toLocalDateTime()
                                .toString());
                row.createCell(1).setCellValue(l.storeName());
                row.createCell(2)
                        .setCellValue(labels.apply("settlement.kind." + l.kind())
                                + (l.late() ? " · " + labels.apply("settlement.line.late") : ""));
                row.createCell(3).setCellValue(labels.apply("settlement.brand." + l.brand()));
                amount(row, 4, l.gross(), batch.currency(), amount);
                amount(row, 5, l.fee(), batch.currency(), amount);
                amount(row, 6, l.ppn(), batch.currency(), amount);
                row.createCell(7).setCellValue(l.saleId().toString());
            }
            return bytes(book, sheet, keys.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch's totals, one label and value a row from the top; returns the next free row. */
    private static int totals(Sheet sheet, BatchRow batch, Function<String, String> labels, CellStyle amount) {
        int r = 0;
        r = text(
                sheet,
                r,
                labels.apply("settlement.column.day"),
                batch.businessDay().toString());
        r = number(sheet, r, labels.apply("settlement.column.gross"), batch.gross(), batch.currency(), amount);
        r = number(sheet, r, labels.apply("settlement.column.refunds"), -batch.refunds(), batch.currency(), amount);
        r = number(sheet, r, labels.apply("settlement.column.fees"), -batch.fees(), batch.currency(), amount);
        r = number(sheet, r, labels.apply("settlement.column.ppn"), -batch.ppn(), batch.currency(), amount);
        if (batch.net() != null) {
            r = number(
                    sheet, r, labels.apply("settlement.column.carried"), batch.carriedIn(), batch.currency(), amount);
            r = number(
                    sheet,
                    r,
                    labels.apply("settlement.column.adjustments"),
                    batch.adjustments(),
                    batch.currency(),
                    amount);
            r = number(sheet, r, labels.apply("settlement.column.net"), batch.net(), batch.currency(), amount);
        }
        return r;
    }

    static byte[] month(YearMonth month, List<BatchRow> batches, Function<String, String> labels) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(month.toString());
            String currency = batches.isEmpty() ? "IDR" : batches.getFirst().currency();
            CellStyle amount = amountStyle(book, currency);
            List<String> keys = MonthStatement.COLUMNS;
            Row header = sheet.createRow(0);
            for (int i = 0; i < keys.size(); i++) {
                header.createCell(i).setCellValue(labels.apply(keys.get(i)));
            }
            int r = 1;
            for (BatchRow b : batches) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(b.businessDay().toString());
                row.createCell(1).setCellValue(b.lines());
                long[] values = MonthStatement.amounts(b);
                for (int i = 0; i < values.length; i++) {
                    amount(row, 2 + i, values[i], b.currency(), amount);
                }
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue(labels.apply("settlement.statement.total"));
            total.createCell(1)
                    .setCellValue(batches.stream().mapToInt(BatchRow::lines).sum());
            long[] sums = MonthStatement.totals(batches);
            for (int i = 0; i < sums.length; i++) {
                amount(total, 2 + i, sums[i], currency, amount);
            }
            return bytes(book, sheet, keys.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle amountStyle(XSSFWorkbook book, String currency) {
        CellStyle style = book.createCellStyle();
        int digits = Money.of(0, currency).fractionDigits();
        style.setDataFormat(book.createDataFormat().getFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));
        return style;
    }

    private static int text(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static int number(Sheet sheet, int r, String label, Long minor, String currency, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        amount(row, 1, minor == null ? 0 : minor, currency, style);
        return r + 1;
    }

    /** A spreadsheet number is a binary double by the file format; exact for every amount below 2^53 minor units. */
    private static void amount(Row row, int column, long minor, String currency, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(Money.of(minor, currency).major().doubleValue());
        cell.setCellStyle(style);
    }

    private static byte[] bytes(XSSFWorkbook book, Sheet sheet, int columns) throws IOException {
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, 18 * 256);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
