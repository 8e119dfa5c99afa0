package id.lapak.tenant.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way Lapak writes a CSV cell (RFC 4180): a cell holding a comma, semicolon (Excel's separator in
 * Indonesian), quote or line break is quoted with quotes doubled; and, as OWASP's CSV-injection guidance asks, a text
 * cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is neutralised with a
 * leading apostrophe (and quoted) so a spreadsheet shows it as text instead of running it as a formula.
 *
 * <p>Numbers are not text: a {@link Number} cell, or an amount passed through {@link #number(String)}, is written as
 * it is, so a negative amount stays a number a spreadsheet can add up. Only values that really are numbers pass that
 * way ({@link #number(String)} refuses anything else).
 */
public final class CsvWriter {

    /** A cell written as it is: a number. */
    public record Numeric(String text) {

        public Numeric {
            if (text == null || !NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("not a number: " + text);
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static final String CRLF = "\r\n";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvWriter() {}

    /** A number cell from its plain text (e.g. {@code Money.toPlainString()}): {@code -15000}, {@code 12.50}. */
    public static Numeric number(String plain) {
        return new Numeric(plain);
    }

    /** One cell: empty for null, numbers as they are, everything else as guarded text. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Numeric numeric) {
            return numeric.text();
        }
        if (value instanceof Number number) {
            String text = number.toString();
            if (NUMBER.matcher(text).matches()) {
                return text;
            }
        }
        String text = value.toString();
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        if (formula) {
            text = "'" + text;
        }
        if (formula
                || text.indexOf(',') >= 0
                || text.indexOf(';') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The cells of one record joined by commas, without the line ending. */
    public static String row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public static String row(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.toString();
    }

    /** Appends one record and CRLF. */
    public static void writeRow(Appendable out, List<?> cells) {
        try {
            out.append(row(cells)).append(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
