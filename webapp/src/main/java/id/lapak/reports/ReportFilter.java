package id.lapak.reports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a report covers: the local days {@code from} to {@code to} (both included, each store's own calendar day in
 * its time zone), optionally one store, one device, one card brand and one cashier (the code a device reported).
 * Which stores a person may see is not part of the filter: the service narrows every report to the person's
 * {@link id.lapak.tenant.store.StoreScope}, so a cashier filter reads only the sales of those stores.
 */
public record ReportFilter(LocalDate from, LocalDate to, UUID storeId, UUID deviceId, String brand, String cashier) {

    /** The longest cashier code a device may report. */
    static final int MAX_CASHIER = 40;

    /** A year of days is the longest range a page or an export reads at once (two for comparisons). */
    static final int MAX_DAYS = 800;

    public ReportFilter {
        if (from == null || to == null) {
            throw new InvalidReportFilterException("report.filter.range.missing");
        }
        if (to.isBefore(from)) {
            throw new InvalidReportFilterException("report.filter.range.reversed");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidReportFilterException("report.filter.range.tooLong");
        }
        brand = brand == null || brand.isBlank() ? null : brand.strip();
        cashier = cashier == null || cashier.isBlank() ? null : cashier.strip();
        if (cashier != null && cashier.length() > MAX_CASHIER) {
            throw new InvalidReportFilterException("report.filter.cashier.invalid");
        }
    }

    /** Every cashier. */
    public ReportFilter(LocalDate from, LocalDate to, UUID storeId, UUID deviceId, String brand) {
        this(from, to, storeId, deviceId, brand, null);
    }

    public static ReportFilter days(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null, null);
    }

    public ReportFilter withStore(UUID store) {
        return new ReportFilter(from, to, store, deviceId, brand, cashier);
    }

    public ReportFilter withDevice(UUID device) {
        return new ReportFilter(from, to, storeId, device, brand, cashier);
    }

    public ReportFilter withBrand(String cardBrand) {
        return new ReportFilter(from, to, storeId, deviceId, cardBrand, cashier);
    }

    public ReportFilter withCashier(String cashierCode) {
        return new ReportFilter(from, to, storeId, deviceId, brand, cashierCode);
    }

    public ReportFilter withDays(LocalDate first, LocalDate last) {
        return new ReportFilter(first, last, storeId, deviceId, brand, cashier);
    }

    /** Number of days covered. */
    public long length() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** The same number of days just before this range (the "previous period" of comparisons). */
    public ReportFilter previous() {
        return withDays(from.minusDays(length()), from.minusDays(1));
    }

    /** Whether a filter narrows sales below the level of a store's hour (device, brand or cashier). */
    boolean narrowerThanStore() {
        return deviceId != null || brand != null || cashier != null;
    }
}
