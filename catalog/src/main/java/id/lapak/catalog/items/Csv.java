package id.lapak.catalog.items;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import id.lapak.tenant.csv.CsvWriter;

/**
 * A strict RFC 4180 reader and writer: fields separated by a comma (or a semicolon, as Excel writes them in
 * Indonesian), quoted with double quotes, quotes doubled inside; a line ending inside quotes belongs to the field.
 * A malformed line is reported with its number, never guessed at.
 */
final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    /** A record that cannot be read, with its line number. */
    static final class MalformedCsvException extends RuntimeException {
        final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {
    }

    static char separator(String headerLine) {
        int commas = headerLine.length() - headerLine.replace(",", "").length();
        int semicolons = headerLine.length() - headerLine.replace(";", "").length();
        return semicolons > commas ? ';' : ',';
    }

    /** Every record of {@code text}; blank lines are skipped. Stops at the first malformed record. */
    static List<Row> read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstEnd = text.indexOf('\n');
        char sep = separator(firstEnd < 0 ? text : text.substring(0, firstEnd));
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < n && text.charAt(i) != sep && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new MalformedCsvException(recordLine, "text after a closing quote");
                    }
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0) {
                    throw new MalformedCsvException(recordLine, "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
                i++;
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.getFirst().isBlank() && !wasQuoted)) {
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                wasQuoted = false;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                i++;
            }
        }
        if (quoted) {
            throw new MalformedCsvException(recordLine, "a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** One record through the one CSV writer: number-looking fields stay numbers, text is guarded. */
    static void writeRow(Writer out, List<String> fields) throws IOException {
        List<Object> cells = new ArrayList<>(fields.size());
        for (String field : fields) {
            cells.add(field != null && NUMBER.matcher(field).matches() ? CsvWriter.number(field) : field);
        }
        out.write(CsvWriter.row(cells));
        out.write(CsvWriter.CRLF);
    }
}
