package id.lapak.mail;

import id.lapak.identity.KeycloakUnavailableException;
import id.lapak.identity.TeamMember;
import id.lapak.identity.TeamService;
import id.lapak.tenant.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a tenant's administrative mail (invoices, reminders, statements, payout account changes, the audit digest)
 * goes to, and in which language: every enabled merchant admin of the tenant as Keycloak knows them, and the
 * address the tenant was onboarded with — each address once. When Keycloak cannot be asked, the onboarding address
 * alone, so no mail waits for the identity provider. Indonesian for a tenant in Indonesia, English otherwise. Empty
 * without any address. Reads the tenant row in the caller's transaction (tenant or platform context).
 */
@Component
public class TenantAdmins {

    /** The addresses and the language to write in. */
    public record Recipients(List<String> emails, Locale locale) {}

    private static final Logger log = LoggerFactory.getLogger(TenantAdmins.class);

    private final JdbcClient jdbc;
    private final TeamService team;

    TenantAdmins(JdbcClient jdbc, TeamService team) {
        this.jdbc = jdbc;
        this.team = team;
    }

    public Optional<Recipients> of(UUID tenant) {
        record Row(String email, String country) {}
        Row row = jdbc.sql("select admin_email, country from tenant where id = ?")
                .param(tenant)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        List<TeamMember> people;
        try {
            people = team.membersOf(tenant);
        } catch (KeycloakUnavailableException e) {
            log.warn("Keycloak is away: mail to the admins of {} goes to its onboarding address only", tenant);
            people = List.of();
        }
        return recipients(people, row.email(), row.country());
    }

    /** The rule itself: enabled merchant admins' addresses, then the onboarding address, each once. */
    static Optional<Recipients> recipients(List<TeamMember> people, String onboardingEmail, String country) {
        List<String> emails = new ArrayList<>();
        for (TeamMember member : people) {
            if (member.enabled() && member.role() == Role.MERCHANT_ADMIN) {
                add(emails, member.email());
            }
        }
        add(emails, onboardingEmail);
        Locale locale = "ID".equals(country) ? Locale.forLanguageTag("id-ID") : Locale.ENGLISH;
        return emails.isEmpty() ? Optional.empty() : Optional.of(new Recipients(List.copyOf(emails), locale));
    }

    private static void add(List<String> emails, String email) {
        if (email != null && !email.isBlank() && emails.stream().noneMatch(e -> e.equalsIgnoreCase(email.strip()))) {
            emails.add(email.strip());
        }
    }
}
