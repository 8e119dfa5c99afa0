package id.lapak.billing.reconciliation;

import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the generic settlement CSV, modelled on Adyen's Settlement Details Report: columns found by their header
 * names in any order (other columns are ignored), amounts in major units with a dot ({@code 15000}, {@code 12.50}),
 * dates as {@code yyyy-MM-dd HH:mm:ss} in the line's TimeZone. Types: Settled, Refunded, Chargeback,
 * ChargebackReversed; MerchantPayout lines (the payout itself, not a transaction) are skipped. See
 * docs/reconciliation.md.
 */
final class GenericCsvReader {

    static final List<String> REQUIRED = List.of(
            "Psp Reference",
            "Merchant Reference",
            "Type",
            "Creation Date",
            "TimeZone",
            "Gross Debit",
            "Gross Credit",
            "Net Debit",
            "Net Credit",
            "Commission",
            "Batch Number",
            "Currency");
    private static final Map<String, EntryType> TYPES = Map.of(
            "settled",
            EntryType.CAPTURE,
            "refunded",
            EntryType.REFUND,
            "chargeback",
            EntryType.CHARGEBACK,
            "chargebackreversed",
            EntryType.CHARGEBACK_REVERSAL);
    private static final Map<String, String> ZONES = Map.of(
            "WIB",
            "Asia/Jakarta",
            "WITA",
            "Asia/Makassar",
            "WIT",
            "Asia/Jayapura",
            "CET",
            "Europe/Amsterdam",
            "CEST",
            "Europe/Amsterdam",
            "UTC",
            "UTC",
            "GMT",
            "UTC");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss");

    private GenericCsvReader() {}

    static List<AcquirerLine> read(CsvRecords records, String tenantCurrency) {
        CsvRecords.Row header = records.next();
        Map<String, Integer> columns = FileParsing.columns(header, REQUIRED);
        int width = header.fields().size();
        Currency currency = Currency.getInstance(tenantCurrency);
        List<AcquirerLine> lines = new ArrayList<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            int n = row.line();
            String typeText = FileParsing.field(row, columns, "Type", width);
            if (typeText.equalsIgnoreCase("MerchantPayout")) {
                continue;
            }
            EntryType type = TYPES.get(typeText.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new ReconciliationFileException("unknown_type", n, typeText);
            }
            String code = FileParsing.currency(n, FileParsing.field(row, columns, "Currency", width), tenantCurrency);
            long gross = amount(row, columns, "Gross Credit", width, currency)
                    - amount(row, columns, "Gross Debit", width, currency);
            long net = amount(row, columns, "Net Credit", width, currency)
                    - amount(row, columns, "Net Debit", width, currency);
            long commission = amount(row, columns, "Commission", width, currency);
            if (gross == 0 || Long.signum(gross) != type.sign()) {
                throw new ReconciliationFileException("wrong_side", n, typeText);
            }
            if (net != gross - commission) {
                throw new ReconciliationFileException("net_not_gross_minus_commission", n, null);
            }
            lines.add(new AcquirerLine(
                    n,
                    FileParsing.reference(
                            n, FileParsing.field(row, columns, "Psp Reference", width), "Psp Reference", true),
                    FileParsing.reference(
                            n,
                            FileParsing.field(row, columns, "Merchant Reference", width),
                            "Merchant Reference",
                            false),
                    type,
                    date(row, columns, width).toInstant(),
                    code,
                    gross,
                    commission,
                    net,
                    FileParsing.reference(
                            n, FileParsing.field(row, columns, "Batch Number", width), "Batch Number", false)));
        }
        return lines;
    }

    private static ZonedDateTime date(CsvRecords.Row row, Map<String, Integer> columns, int width) {
        String zoneText = FileParsing.field(row, columns, "TimeZone", width);
        ZoneId zone;
        try {
            zone = ZoneId.of(ZONES.getOrDefault(zoneText.toUpperCase(Locale.ROOT), zoneText));
        } catch (DateTimeException e) {
            throw new ReconciliationFileException("bad_time_zone", row.line(), zoneText);
        }
        String text = FileParsing.field(row, columns, "Creation Date", width);
        try {
            return LocalDateTime.parse(text, DATE).atZone(zone);
        } catch (DateTimeParseException e) {
            throw new ReconciliationFileException("bad_date", row.line(), text);
        }
    }

    /** A non-negative amount in major units; empty is zero. */
    private static long amount(
            CsvRecords.Row row, Map<String, Integer> columns, String column, int width, Currency currency) {
        String text = FileParsing.field(row, columns, column, width);
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("\\d{1,15}(\\.\\d{1,9})?")) {
            throw new ReconciliationFileException("bad_number", row.line(), column + " " + text);
        }
        try {
            return Money.ofMajor(new BigDecimal(text), currency).minor();
        } catch (MoneyFormatException e) {
            throw new ReconciliationFileException("bad_number", row.line(), column + " " + text);
        }
    }
}
