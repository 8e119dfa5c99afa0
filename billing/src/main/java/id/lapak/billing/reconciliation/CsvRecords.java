package id.lapak.billing.reconciliation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time from a stream (comma separated, double quotes, quotes doubled inside, a line
 * break inside quotes belongs to the field; a leading byte-order mark is skipped). Each record knows the line it
 * starts on. Blank lines are skipped; a malformed record stops the read with its line number.
 */
final class CsvRecords {

    record Row(int line, List<String> fields) {}

    private static final int MAX_FIELD = 10_000;

    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean first = true;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end. */
    Row next() {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                endOfLine(c);
                continue;
            }
            unread(c);
            return record();
        }
    }

    private Row record() {
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new ReconciliationFileException("malformed_csv", start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"', start);
                        continue;
                    }
                    unread(n);
                    quoted = false;
                    afterQuote = true;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                append(field, (char) c, start);
                continue;
            }
            if (c < 0 || c == '\r' || c == '\n' || c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                if (c == ',') {
                    continue;
                }
                if (c >= 0) {
                    endOfLine(c);
                }
                return new Row(start, fields);
            }
            if (afterQuote) {
                throw new ReconciliationFileException("malformed_csv", start, "text after a closing quote");
            }
            if (c == '"') {
                if (field.length() > 0) {
                    throw new ReconciliationFileException("malformed_csv", start, "a quote inside an unquoted field");
                }
                quoted = true;
                continue;
            }
            append(field, (char) c, start);
        }
    }

    private static void append(StringBuilder field, char c, int line) {
        if (field.length() >= MAX_FIELD) {
            throw new ReconciliationFileException("malformed_csv", line, "a field is longer than " + MAX_FIELD);
        }
        field.append(c);
    }

    private void endOfLine(int c) {
        if (c == '\r') {
            int n = read();
            if (n != '\n') {
                unread(n);
            }
        }
        line++;
    }

    private int read() {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        try {
            int c = in.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        } catch (CharacterCodingException e) {
            throw new ReconciliationFileException("not_utf8", line, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        peeked = c;
    }
}
