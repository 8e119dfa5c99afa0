package id.lapak.tenant.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one rule pages use to offer or hide changes. */
class MayChangeTest {

    record Person(Set<Role> roles) implements LapakUser {
        public String subject() {
            return "s";
        }

        public String username() {
            return "u";
        }

        public String displayName() {
            return "U";
        }

        public Optional<UUID> tenantId() {
            return Optional.of(UUID.randomUUID());
        }

        public Set<UUID> storeIds() {
            return Set.of();
        }
    }

    /** Support viewing a tenant: reads like a merchant admin. */
    record Viewer(LapakUser viewer) implements ReadOnlyViewer {
        public String subject() {
            return "support";
        }

        public String username() {
            return "support";
        }

        public String displayName() {
            return "Support";
        }

        public Optional<UUID> tenantId() {
            return Optional.of(UUID.randomUUID());
        }

        public Set<Role> roles() {
            return Set.of(Role.MERCHANT_ADMIN);
        }

        public Set<UUID> storeIds() {
            return Set.of();
        }

        public String reason() {
            return "ticket 7";
        }

        public Instant expiresAt() {
            return Instant.now().plusSeconds(1800);
        }
    }

    @Test
    void aPersonMayChangeWhatOneOfTheirRolesAllows() {
        assertThat(new Person(Set.of(Role.MERCHANT_ADMIN)).mayChange(Role.MERCHANT_ADMIN))
                .isTrue();
        assertThat(new Person(Set.of(Role.STORE_MANAGER)).mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER))
                .isTrue();
        assertThat(new Person(Set.of(Role.CASHIER)).mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER))
                .isFalse();
        assertThat(new Person(Set.of(Role.MERCHANT_ADMIN)).mayChange()).isFalse();
    }

    @Test
    void supportViewingATenantReadsLikeAnAdminButIsOfferedNoChange() {
        Viewer viewing = new Viewer(new Person(Set.of(Role.SUPPORT)));
        assertThat(viewing.has(Role.MERCHANT_ADMIN)).isTrue();
        assertThat(viewing.mayChange(Role.MERCHANT_ADMIN)).isFalse();
        assertThat(viewing.mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER))
                .isFalse();
    }
}
