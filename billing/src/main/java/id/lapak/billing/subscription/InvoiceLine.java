package id.lapak.billing.subscription;

/**
 * One line of an invoice or note. {@code key} names what it is for across reruns (PLAN:STARTER, DEVICES:STARTER,
 * TRANSACTIONS:STARTER:1000, PPN), so a correction compares like with like; {@code quantity} is days for the plan,
 * device-days for devices, transactions for a tier. Lines of a credit note support writes by hand have keys starting
 * with {@code CREDIT:} and are left out of that comparison.
 */
public record InvoiceLine(LineKind kind, String key, long quantity, long unitMinor, long amountMinor) {

    public enum LineKind {
        PLAN,
        DEVICES,
        TRANSACTIONS,
        PPN,
        CREDIT
    }

    /** The plan this line is for (empty for PPN). */
    public String planCode() {
        String[] parts = key.split(":");
        return parts.length > 1 ? parts[1] : "";
    }

    /** For a tier line, the transaction count it starts at. */
    public long tierFrom() {
        String[] parts = key.split(":");
        return parts.length > 2 ? Long.parseLong(parts[2]) : 0;
    }
}
