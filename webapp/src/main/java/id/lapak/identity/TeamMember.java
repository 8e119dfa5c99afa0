package id.lapak.identity;

import id.lapak.tenant.access.Role;
import java.util.Set;
import java.util.UUID;

/**
 * A person of a tenant as Keycloak knows them. {@code role} is null for a user without a Lapak role;
 * {@code invitationPending} while they have not finished their first login (password, e-mail, one-time code).
 */
public record TeamMember(
        String id,
        String email,
        String firstName,
        String lastName,
        Role role,
        Set<UUID> storeIds,
        boolean enabled,
        boolean invitationPending) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? email : name;
    }
}
