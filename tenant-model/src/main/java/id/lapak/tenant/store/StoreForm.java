package id.lapak.tenant.store;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What a merchant edits about a store. {@link #problems()} is the one set of rules, used by the form to show
 * messages and by the service to refuse bad input; each problem is a translation key.
 */
public record StoreForm(
        String name,
        String address,
        String city,
        ZoneId timeZone,
        Currency currency,
        boolean taxRegistered,
        BigDecimal taxRate,
        boolean pricesIncludeTax) {

    public static final int NAME_MAX = 100;
    public static final int ADDRESS_MAX = 300;
    public static final int CITY_MAX = 100;
    public static final BigDecimal TAX_RATE_MAX = new BigDecimal("100");

    /** A new store in Indonesia: Jakarta time, rupiah, PPN 11% for a registered taxable entrepreneur (PKP). */
    public static StoreForm indonesianDefaults() {
        return new StoreForm(
                "",
                "",
                "",
                ZoneId.of("Asia/Jakarta"),
                Currency.getInstance("IDR"),
                true,
                new BigDecimal("11.00"),
                true);
    }

    public List<StoreProblem> problems() {
        List<StoreProblem> problems = new ArrayList<>();
        text(problems, "name", name, NAME_MAX);
        text(problems, "address", address, ADDRESS_MAX);
        text(problems, "city", city, CITY_MAX);
        if (timeZone == null) {
            problems.add(new StoreProblem("timeZone", "store.error.timeZone.required"));
        }
        if (currency == null) {
            problems.add(new StoreProblem("currency", "store.error.currency.required"));
        }
        if (taxRate == null) {
            problems.add(new StoreProblem("taxRate", "store.error.taxRate.required"));
        } else if (taxRate.signum() < 0 || taxRate.compareTo(TAX_RATE_MAX) > 0 || taxRate.scale() > 2) {
            problems.add(new StoreProblem("taxRate", "store.error.taxRate.range"));
        }
        return problems;
    }

    private static void text(List<StoreProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new StoreProblem(field, "store.error." + field + ".required"));
        } else if (value.strip().length() > max) {
            problems.add(new StoreProblem(field, "store.error." + field + ".tooLong"));
        }
    }
}
