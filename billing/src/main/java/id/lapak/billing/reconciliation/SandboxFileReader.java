package id.lapak.billing.reconciliation;

import id.lapak.billing.gateway.sandbox.SandboxSettlementFile;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the sandbox acquirer's settlement file ({@link SandboxSettlementFile#SETTLEMENT_HEADER}): amounts in minor
 * units, the type as the sandbox names it, the merchant id on every line (which must be the importing tenant's).
 */
final class SandboxFileReader {

    private static final List<String> COLUMNS = Arrays.asList(SandboxSettlementFile.SETTLEMENT_HEADER.split(","));

    private SandboxFileReader() {}

    static List<AcquirerLine> read(CsvRecords records, UUID tenant, String tenantCurrency) {
        CsvRecords.Row header = records.next();
        Map<String, Integer> columns = FileParsing.columns(header, COLUMNS);
        int width = header.fields().size();
        List<AcquirerLine> lines = new ArrayList<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            int n = row.line();
            String merchant = FileParsing.field(row, columns, "merchant_id", width);
            if (!merchant.equalsIgnoreCase(tenant.toString())) {
                throw new ReconciliationFileException("other_merchant", n, merchant);
            }
            EntryType type;
            try {
                type = EntryType.valueOf(FileParsing.field(row, columns, "type", width));
            } catch (IllegalArgumentException e) {
                throw new ReconciliationFileException(
                        "unknown_type", n, FileParsing.field(row, columns, "type", width));
            }
            Instant booked;
            try {
                booked = Instant.parse(FileParsing.field(row, columns, "booked_at", width));
            } catch (DateTimeParseException e) {
                throw new ReconciliationFileException(
                        "bad_date", n, FileParsing.field(row, columns, "booked_at", width));
            }
            long amount = number(row, columns, "amount_minor", width);
            long commission = number(row, columns, "commission_minor", width);
            long net = signedNumber(row, columns, "net_minor", width);
            if (amount <= 0 || commission < 0) {
                throw new ReconciliationFileException(
                        "bad_number", n, amount <= 0 ? "amount_minor" : "commission_minor");
            }
            long gross = type.sign() * amount;
            if (net != gross - commission) {
                throw new ReconciliationFileException("net_not_gross_minus_commission", n, Long.toString(net));
            }
            lines.add(new AcquirerLine(
                    n,
                    FileParsing.reference(
                            n, FileParsing.field(row, columns, "psp_reference", width), "psp_reference", true),
                    FileParsing.reference(
                            n,
                            FileParsing.field(row, columns, "merchant_reference", width),
                            "merchant_reference",
                            false),
                    type,
                    booked,
                    FileParsing.currency(n, FileParsing.field(row, columns, "currency", width), tenantCurrency),
                    gross,
                    commission,
                    net,
                    FileParsing.reference(n, FileParsing.field(row, columns, "batch", width), "batch", false)));
        }
        return lines;
    }

    private static long number(CsvRecords.Row row, Map<String, Integer> columns, String column, int width) {
        String text = FileParsing.field(row, columns, column, width);
        if (!text.matches("\\d{1,18}")) {
            throw new ReconciliationFileException("bad_number", row.line(), column + " " + text);
        }
        return Long.parseLong(text);
    }

    private static long signedNumber(CsvRecords.Row row, Map<String, Integer> columns, String column, int width) {
        String text = FileParsing.field(row, columns, column, width);
        if (!text.matches("-?\\d{1,18}")) {
            throw new ReconciliationFileException("bad_number", row.line(), column + " " + text);
        }
        return Long.parseLong(text);
    }
}
