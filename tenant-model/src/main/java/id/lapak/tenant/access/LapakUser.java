package id.lapak.tenant.access;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The signed-in person as the services see it, whatever the login mechanism. */
public interface LapakUser {

    /** Stable subject id from the identity provider. */
    String subject();

    String username();

    String displayName();

    Optional<UUID> tenantId();

    Set<Role> roles();

    /** Stores a store manager or cashier is limited to; empty means no store. */
    Set<UUID> storeIds();

    default boolean has(Role role) {
        return roles().contains(role);
    }
}
