package id.lapak.reports;

/** The reports a merchant can open, export and subscribe to. */
public enum ReportKind {
    SUMMARY,
    DAYS,
    HOURS,
    ITEMS,
    CATEGORIES,
    STORES,
    DEVICES,
    CASHIERS,
    PAYMENT_METHODS,
    TAX,
    CUSTOMERS,
    INVENTORY,
    CHANGES,
    REFUNDS,
    OFFLINE
}
