package id.lapak.billing.reconciliation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What both file layouts check the same way: the header's columns, the lengths of references, the currency. */
final class FileParsing {

    static final int REFERENCE_MAX = 100;

    private FileParsing() {}

    /** Column name (lower case) → index; refuses a header that lacks a required column or names one twice. */
    static Map<String, Integer> columns(CsvRecords.Row header, List<String> required) {
        if (header == null) {
            throw new ReconciliationFileException("missing_header", 0, null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (index.put(name, i) != null) {
                throw new ReconciliationFileException("wrong_columns", header.line(), "twice: " + name);
            }
        }
        for (String column : required) {
            if (!index.containsKey(column.toLowerCase(Locale.ROOT))) {
                throw new ReconciliationFileException("wrong_columns", header.line(), "missing: " + column);
            }
        }
        return index;
    }

    static String field(CsvRecords.Row row, Map<String, Integer> columns, String name, int width) {
        if (row.fields().size() != width) {
            throw new ReconciliationFileException(
                    "wrong_field_count", row.line(), row.fields().size() + " fields, the header has " + width);
        }
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        return i == null ? "" : row.fields().get(i).strip();
    }

    static String reference(int line, String value, String column, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                throw new ReconciliationFileException("missing_value", line, column);
            }
            return null;
        }
        if (value.length() > REFERENCE_MAX) {
            throw new ReconciliationFileException("value_too_long", line, column);
        }
        return value;
    }

    static String currency(int line, String value, String tenantCurrency) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!code.equals(tenantCurrency)) {
            throw new ReconciliationFileException("wrong_currency", line, value.isEmpty() ? "-" : value);
        }
        return code;
    }
}
