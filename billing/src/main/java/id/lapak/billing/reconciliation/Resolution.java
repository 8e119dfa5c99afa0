package id.lapak.billing.reconciliation;

/**
 * How an exception was resolved: ARRIVED (the missing line came in a later file), RECEIVED (someone confirmed the
 * money arrived another way), WRITTEN_OFF (with a reason), LINKED (a line and an operation matched by hand).
 */
public enum Resolution {
    ARRIVED,
    RECEIVED,
    WRITTEN_OFF,
    LINKED
}
