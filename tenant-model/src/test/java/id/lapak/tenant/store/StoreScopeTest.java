package id.lapak.tenant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one store-visibility rule, for every role. */
class StoreScopeTest {

    private static final UUID PUSAT = UUID.randomUUID();
    private static final UUID BANDUNG = UUID.randomUUID();

    private static LapakUser user(Set<Role> roles, Set<UUID> stores) {
        return new LapakUser() {
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

            public Set<Role> roles() {
                return roles;
            }

            public Set<UUID> storeIds() {
                return stores;
            }
        };
    }

    @Test
    void aMerchantAdminSeesEveryStoreWhateverIsAssigned() {
        StoreScope scope = StoreScope.of(user(Set.of(Role.MERCHANT_ADMIN), Set.of(PUSAT)));
        assertThat(scope.isAll()).isTrue();
        assertThat(scope.allows(BANDUNG)).isTrue();
        assertThat(scope.filterOrNull()).isNull();
        assertThat(scope.require(BANDUNG)).isEqualTo(BANDUNG);
    }

    @Test
    void aStoreManagerSeesOnlyTheirStores() {
        StoreScope scope = StoreScope.of(user(Set.of(Role.STORE_MANAGER), Set.of(PUSAT)));
        assertThat(scope.isAll()).isFalse();
        assertThat(scope.allows(PUSAT)).isTrue();
        assertThat(scope.allows(BANDUNG)).isFalse();
        assertThat(scope.filterOrNull()).containsExactly(PUSAT);
        assertThat(scope.sqlArray()).containsExactly(PUSAT.toString());
        assertThatThrownBy(() -> scope.require(BANDUNG)).isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void aCashierSeesTheirStoreAndNoOther() {
        StoreScope scope = StoreScope.of(user(Set.of(Role.CASHIER), Set.of(BANDUNG)));
        assertThat(scope.allows(BANDUNG)).isTrue();
        assertThat(scope.allows(PUSAT)).isFalse();
    }

    @Test
    void aManagerWithoutStoresSupportWithoutViewAsAndNobodySeeNothing() {
        for (StoreScope scope : new StoreScope[] {
            StoreScope.of(user(Set.of(Role.STORE_MANAGER), Set.of())),
            StoreScope.of(user(Set.of(Role.SUPPORT), Set.of(PUSAT))),
            StoreScope.of(null)
        }) {
            assertThat(scope.isEmpty()).isTrue();
            assertThat(scope.allows(PUSAT)).isFalse();
            assertThat(scope.filterOrNull()).isEmpty();
            assertThatThrownBy(() -> scope.require(PUSAT)).isInstanceOf(StoreNotFoundException.class);
        }
    }

    @Test
    void aMissingStoreIdIsNeverAllowed() {
        assertThat(StoreScope.all().allows(null)).isFalse();
        assertThatThrownBy(() -> StoreScope.all().require(null)).isInstanceOf(StoreNotFoundException.class);
    }
}
