package id.lapak.catalog.items;

import id.lapak.tenant.csv.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A strict RFC 4180 reader and writer: fields separated by a comma (or a semicolon, as Excel writes them in
 * Indonesian), quoted with double quotes, quotes doubled inside; a line ending inside quotes belongs to the field.
 * A malformed line is reported with its number, never guessed at.
 */
final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> fields) {}

    /** A record that cannot be read, with its line number. */
    static final class MalformedCsvException extends RuntimeException {
        final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {}

    static char separator(String headerLine) {
        int commas = headerLine.length() - headerLine.replace(",", "").length();
        int semicolons = headerLine.length() - headerLine.replace(";", "").length();
        return semicolons > commas ? ';' : ',';
    }

    /** Every record of {@code text}; blank lines are skipped. Stops at the first malformed record. */
    static List<Row> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = body.indexOf('\n');
        return new Parser(body, separator(firstEnd < 0 ? body : body.substring(0, firstEnd))).rows();
    }

    /** RFC 4180 with either separator, walking the text once; each record keeps the line it starts on. */
    private static final class Parser {

        private final String text;
        private final char sep;
        private final List<Row> rows = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int line = 1;
        private int recordLine = 1;
        private boolean quoted;
        private boolean wasQuoted;
        private int i;

        Parser(String text, char sep) {
            this.text = text;
            this.sep = sep;
        }

        List<Row> rows() {
            while (i < text.length()) {
                if (quoted) {
                    inQuotes(text.charAt(i));
                } else {
                    plain(text.charAt(i));
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

        private void inQuotes(char c) {
            if (c == '"' && next() == '"') {
                field.append('"');
                i += 2;
            } else if (c == '"') {
                quoted = false;
                i++;
                if (i < text.length() && text.charAt(i) != sep && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new MalformedCsvException(recordLine, "text after a closing quote");
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                i++;
            }
        }

        private void plain(char c) {
            if (c == '"') {
                if (field.length() > 0) {
                    throw new MalformedCsvException(recordLine, "a quote inside an unquoted field");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                endRecord(c);
            } else {
                field.append(c);
            }
            i++;
        }

        /** A record ends; a blank line (one empty unquoted field) is no record. */
        private void endRecord(char c) {
            fields.add(field.toString());
            field.setLength(0);
            if (!(fields.size() == 1 && fields.getFirst().isBlank() && !wasQuoted)) {
                rows.add(new Row(recordLine, List.copyOf(fields)));
            }
            fields.clear();
            wasQuoted = false;
            if (c == '\r' && next() == '\n') {
                i++;
            }
            line++;
            recordLine = line;
        }

        private char next() {
            return i + 1 < text.length() ? text.charAt(i + 1) : 0;
        }
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
