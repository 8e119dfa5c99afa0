package id.lapak.billing.sale;

/** How a cashier a device reported is named to a merchant, on a sale's page and in the reports alike. */
public final class Cashiers {

    private Cashiers() {}

    /** {@code Sari (K-07)}, or the code alone when the device sent no name; null without a code. */
    public static String label(String code, String name) {
        if (code == null) {
            return null;
        }
        return name == null || name.isBlank() ? code : name + " (" + code + ")";
    }
}
