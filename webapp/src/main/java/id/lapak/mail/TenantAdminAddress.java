package id.lapak.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where and in which language a tenant's admin is written to: the tenant's administrator address, Indonesian for a
 * tenant in Indonesia and English otherwise. Empty without an address. Reads in the caller's tenant transaction.
 */
@Component
public class TenantAdminAddress {

    /** The admin's address and language. */
    public record Admin(String email, Locale locale) {
    }

    private final JdbcClient jdbc;

    TenantAdminAddress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Admin> of(UUID tenant) {
        return jdbc.sql("select admin_email, country from tenant where id = ?").param(tenant)
                .query((rs, n) -> new Admin(rs.getString(1),
                        "ID".equals(rs.getString(2)) ? Locale.forLanguageTag("id-ID") : Locale.ENGLISH))
                .optional().filter(a -> a.email() != null && !a.email().isBlank());
    }
}
