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

    /**
     * Whether pages offer this person changes that need one of {@code roles}: never while support views a tenant
     * ({@link ReadOnlyViewer}), whose role reads like an admin's but changes nothing. The one rule pages use to show
     * or hide their write actions; the services refuse such changes on their own.
     */
    default boolean mayChange(Role... roles) {
        if (this instanceof ReadOnlyViewer) {
            return false;
        }
        for (Role role : roles) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }
}
