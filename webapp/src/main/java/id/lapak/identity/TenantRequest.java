package id.lapak.identity;

import id.lapak.tenant.TenantPlan;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What support enters to onboard a merchant. Tax id (Indonesia's NPWP: 15 or 16 digits, dots and dashes allowed) is
 * optional; currency defaults to IDR, time zone to Asia/Jakarta, country to ID, plan to Starter.
 */
public record TenantRequest(
        String name,
        String legalName,
        String taxId,
        String country,
        Currency currency,
        ZoneId timeZone,
        TenantPlan plan,
        String adminEmail,
        String adminFirstName,
        String adminLastName) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    /** A blank request with the Indonesian defaults, for the form. */
    public static TenantRequest indonesianDefaults() {
        return new TenantRequest(
                "",
                "",
                "",
                "ID",
                Currency.getInstance("IDR"),
                ZoneId.of("Asia/Jakarta"),
                TenantPlan.STARTER,
                "",
                "",
                "");
    }

    /** Each problem as field and translation key; empty when the request can be sent to Keycloak. */
    public List<TeamChangeRefused> problems() {
        List<TeamChangeRefused> problems = new ArrayList<>();
        if (blank(name) || name.strip().length() > 200) {
            problems.add(new TeamChangeRefused("name", "onboarding.error.name"));
        }
        if (blank(legalName) || legalName.strip().length() > 300) {
            problems.add(new TeamChangeRefused("legalName", "onboarding.error.legalName"));
        }
        if (!blank(taxId)) {
            String digits = taxId.replaceAll("[.\\-\\s]", "");
            if (!digits.matches("\\d{15}|\\d{16}")) {
                problems.add(new TeamChangeRefused("taxId", "onboarding.error.taxId"));
            }
        }
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            problems.add(new TeamChangeRefused("country", "onboarding.error.country"));
        }
        if (blank(adminEmail)
                || adminEmail.strip().length() > 254
                || !EMAIL.matcher(adminEmail.strip()).matches()) {
            problems.add(new TeamChangeRefused("adminEmail", "identity.error.email"));
        }
        if (blank(adminFirstName) || adminFirstName.strip().length() > 100) {
            problems.add(new TeamChangeRefused("adminFirstName", "identity.error.firstName"));
        }
        if (blank(adminLastName) || adminLastName.strip().length() > 100) {
            problems.add(new TeamChangeRefused("adminLastName", "identity.error.lastName"));
        }
        return problems;
    }

    static boolean validEmail(String email) {
        return !blank(email)
                && email.strip().length() <= 254
                && EMAIL.matcher(email.strip()).matches();
    }

    String normalisedTaxId() {
        return blank(taxId) ? null : taxId.strip();
    }

    String normalisedCountry() {
        return blank(country) ? "ID" : country.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
