package id.lapak.catalog.items;

import id.lapak.tenant.money.Money;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The first half of a catalog import, without the catalog: a file's bytes read into rows, each cell checked on its
 * own (UTF-8, known and required columns, the field count, prices, yes/no, category paths, tax category names,
 * SKUs and barcodes not repeated in the file). Every problem is named by line and column; a row with a problem is
 * not passed on. Which item and variant a row is, and whether the result is a valid item, is {@link CatalogTransfer}'s
 * work.
 */
final class ImportRows {

    /** One good row, its cells read. An empty text cell is {@code ""}; an empty cost or active is null. */
    record Row(
            int line,
            String itemName,
            String variantName,
            String sku,
            String barcode,
            long price,
            Long cost,
            String category,
            String unit,
            String tax,
            Boolean active) {}

    /** What the file holds: the data rows counted, the columns it has, the good rows, and every problem. */
    record Read(int rows, Set<String> columns, List<Row> good, List<ImportPreview.Problem> problems) {}

    private ImportRows() {}

    /**
     * Reads {@code csv}; amounts in {@code currency}; {@code taxNames} are the tenant's tax category names in lower
     * case (a row naming another is a problem).
     */
    static Read read(byte[] csv, Currency currency, Set<String> taxNames) {
        List<ImportPreview.Problem> problems = new ArrayList<>();
        if (csv == null || csv.length == 0) {
            return refused(0, problem(1, "", "catalog.import.error.empty", ""));
        }
        if (csv.length > CatalogTransfer.MAX_BYTES) {
            return refused(0, problem(1, "", "catalog.import.error.size", ""));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv))
                    .toString();
        } catch (CharacterCodingException e) {
            return refused(0, problem(1, "", "catalog.import.error.encoding", ""));
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.MalformedCsvException e) {
            return refused(0, problem(e.line, "", "catalog.import.error.malformed", e.getMessage()));
        }
        if (rows.isEmpty()) {
            return refused(0, problem(1, "", "catalog.import.error.empty", ""));
        }
        List<String> header = rows.getFirst().fields().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        Map<String, Integer> index = columns(header, problems);
        if (!problems.isEmpty()) {
            return new Read(0, Set.of(), List.of(), problems);
        }
        List<Csv.Row> data = rows.subList(1, rows.size());
        if (data.size() > CatalogTransfer.MAX_ROWS) {
            return refused(
                    data.size(),
                    problem(1, "", "catalog.import.error.rows", Integer.toString(CatalogTransfer.MAX_ROWS)));
        }
        if (data.isEmpty()) {
            return refused(0, problem(1, "", "catalog.import.error.empty", ""));
        }
        List<Row> good = goodRows(data, header.size(), index, currency, taxNames, problems);
        return new Read(data.size(), Set.copyOf(index.keySet()), good, problems);
    }

    /**
     * The data rows that have no problem of their own: the field count, each cell, and SKUs and barcodes not seen on
     * an earlier line; every problem is added to {@code problems}.
     */
    private static List<Row> goodRows(
            List<Csv.Row> data,
            int columnCount,
            Map<String, Integer> index,
            Currency currency,
            Set<String> taxNames,
            List<ImportPreview.Problem> problems) {
        List<Row> good = new ArrayList<>();
        Map<String, Integer> skuLines = new HashMap<>();
        Map<String, Integer> barcodeLines = new HashMap<>();
        for (Csv.Row row : data) {
            int before = problems.size();
            if (row.fields().size() != columnCount) {
                problems.add(problem(
                        row.line(),
                        "",
                        "catalog.import.error.fields",
                        Integer.toString(row.fields().size())));
                continue;
            }
            Function<String, String> get = column -> index.containsKey(column)
                    ? row.fields().get(index.get(column)).strip()
                    : "";
            Row read = row(row.line(), get, currency, taxNames, problems);
            repeated(
                    read.sku().toLowerCase(Locale.ROOT),
                    skuLines,
                    read.line(),
                    "sku",
                    "catalog.import.error.sku.repeated",
                    read.sku(),
                    problems);
            repeated(
                    read.barcode(),
                    barcodeLines,
                    read.line(),
                    "barcode",
                    "catalog.import.error.barcode.repeated",
                    read.barcode(),
                    problems);
            if (problems.size() == before) {
                good.add(read);
            }
        }
        return good;
    }

    /** Column → its position; unknown, repeated and missing required columns are problems of line 1. */
    private static Map<String, Integer> columns(List<String> header, List<ImportPreview.Problem> problems) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!CatalogTransfer.COLUMNS.contains(header.get(i))) {
                problems.add(problem(1, header.get(i), "catalog.import.error.column.unknown", header.get(i)));
            } else if (index.putIfAbsent(header.get(i), i) != null) {
                problems.add(problem(1, header.get(i), "catalog.import.error.column.twice", header.get(i)));
            }
        }
        for (String required : CatalogTransfer.REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(problem(1, required, "catalog.import.error.column.missing", required));
            }
        }
        return index;
    }

    /** One row's cells, each problem added to {@code problems}. */
    private static Row row(
            int line,
            Function<String, String> get,
            Currency currency,
            Set<String> taxNames,
            List<ImportPreview.Problem> problems) {
        long price = 0;
        try {
            price = plainAmount(get.apply("price"), currency);
        } catch (IllegalArgumentException e) {
            problems.add(problem(line, "price", "catalog.import.error.price", get.apply("price")));
        }
        Long cost = null;
        if (!get.apply("cost").isEmpty()) {
            try {
                cost = plainAmount(get.apply("cost"), currency);
            } catch (IllegalArgumentException e) {
                problems.add(problem(line, "cost", "catalog.import.error.price", get.apply("cost")));
            }
        }
        Boolean active = null;
        String activeText = get.apply("active").toLowerCase(Locale.ROOT);
        if (!activeText.isEmpty()) {
            active = switch (activeText) {
                case "true", "yes", "ya", "1", "y" -> true;
                case "false", "no", "tidak", "0", "n" -> false;
                default -> {
                    problems.add(problem(line, "active", "catalog.import.error.active", activeText));
                    yield null;
                }
            };
        }
        String category = get.apply("category");
        if (!category.isEmpty()) {
            String[] parts = category.split(">");
            if (parts.length > 2 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                problems.add(problem(line, "category", "catalog.import.error.category", category));
            } else {
                category = parts.length == 1 ? parts[0].strip() : parts[0].strip() + " > " + parts[1].strip();
            }
        }
        String tax = get.apply("tax_category");
        if (!tax.isEmpty() && !taxNames.contains(tax.toLowerCase(Locale.ROOT))) {
            problems.add(problem(line, "tax_category", "catalog.error.tax.unknown", tax));
        }
        return new Row(
                line,
                get.apply("item_name"),
                get.apply("variant_name"),
                get.apply("sku"),
                get.apply("barcode"),
                price,
                cost,
                category,
                get.apply("unit"),
                tax,
                active);
    }

    /** A non-empty {@code key} seen on an earlier line is a problem of this one. */
    private static void repeated(
            String key,
            Map<String, Integer> seen,
            int line,
            String column,
            String messageKey,
            String value,
            List<ImportPreview.Problem> problems) {
        if (!key.isEmpty() && seen.putIfAbsent(key, line) != null) {
            problems.add(problem(line, column, messageKey, value));
        }
    }

    /** A price or cost cell: a plain amount of zero or more ({@code 15000}, {@code 12.50}). */
    private static long plainAmount(String text, Currency currency) {
        Money amount = Money.parsePlain(text, currency);
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount");
        }
        return amount.minor();
    }

    private static Read refused(int rows, ImportPreview.Problem problem) {
        return new Read(rows, Set.of(), List.of(), List.of(problem));
    }

    private static ImportPreview.Problem problem(int line, String column, String key, String value) {
        return new ImportPreview.Problem(line, column, key, value);
    }
}
