package id.lapak.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.InvalidStoreException;
import id.lapak.tenant.store.StaleStoreException;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreProblem;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what with stores, enforced by the service whatever a view shows. */
@IntegrationTest
class StoreServiceRoleIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    UUID tenant;
    TestUser admin;
    StoreDetails managed;
    StoreDetails other;

    @BeforeEach
    void tenantWithTwoStores() {
        tenant = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(tenant, "Roles " + tenant, "PT Roles", "ID", null, null), "test setup");
        admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        managed = TestUsers.as(admin, () -> stores.create(TenancyIntegrationTest.form("Managed")));
        other = TestUsers.as(admin, () -> stores.create(TenancyIntegrationTest.form("Other")));
    }

    enum Operation {
        FIND,
        GET,
        COUNTS,
        CREATE,
        UPDATE,
        DEACTIVATE,
        REACTIVATE
    }

    /** Expected outcome per role: true = allowed on the store in scope. */
    static Stream<Arguments> matrix() {
        Map<Role, Set<Operation>> allowed = Map.of(
                Role.MERCHANT_ADMIN, Set.of(Operation.values()),
                Role.STORE_MANAGER, Set.of(Operation.FIND, Operation.GET, Operation.COUNTS),
                Role.CASHIER, Set.of(),
                Role.SUPPORT, Set.of());
        return Stream.of(Role.values())
                .flatMap(role -> Stream.of(Operation.values())
                        .map(op -> Arguments.of(role, op, allowed.get(role).contains(op))));
    }

    @ParameterizedTest(name = "{0} {1} allowed={2}")
    @MethodSource("matrix")
    void roleMatrix(Role role, Operation operation, boolean allowed) {
        TestUser user = TestUsers.user(role == Role.SUPPORT ? null : tenant, Set.of(managed.id()), role);
        Consumer<StoreService> call = switch (operation) {
            case FIND -> s -> s.find("", PageRequest.of(0, 10));
            case GET -> s -> s.get(managed.id());
            case COUNTS -> StoreService::counts;
            case CREATE -> s -> s.create(TenancyIntegrationTest.form("New " + UUID.randomUUID()));
            case UPDATE ->
                s -> s.update(
                        managed.id(),
                        s.get(managed.id()).version(),
                        TenancyIntegrationTest.form("Renamed " + UUID.randomUUID()));
            case DEACTIVATE -> s -> s.deactivate(managed.id());
            case REACTIVATE -> s -> s.reactivate(managed.id());
        };
        if (allowed) {
            assertThatCode(() -> TestUsers.run(user, () -> call.accept(stores))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TestUsers.run(user, () -> call.accept(stores)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void storeManagerSeesOnlyTheirStore() {
        TestUser manager = TestUsers.user(tenant, Set.of(managed.id()), Role.STORE_MANAGER);
        TestUsers.run(manager, () -> {
            assertThat(stores.find("", PageRequest.of(0, 10)).getContent())
                    .extracting(StoreDetails::id)
                    .containsExactly(managed.id());
            assertThatThrownBy(() -> stores.get(other.id())).isInstanceOf(StoreNotFoundException.class);
            assertThat(stores.counts().total()).isOne();
        });
    }

    @Test
    void storeManagerWithoutStoresSeesNone() {
        TestUser manager = TestUsers.user(tenant, Set.of(), Role.STORE_MANAGER);
        TestUsers.run(
                manager,
                () -> assertThat(stores.find("", PageRequest.of(0, 10)).getContent())
                        .isEmpty());
    }

    @Test
    void adminSeesAllStoresAndCountsThem() {
        TestUsers.run(admin, () -> {
            stores.deactivate(other.id());
            assertThat(stores.counts().active()).isOne();
            assertThat(stores.counts().inactive()).isOne();
            assertThat(stores.find("", PageRequest.of(0, 10)).getTotalElements())
                    .isEqualTo(2);
        });
    }

    @Test
    void badInputIsRefusedWithReasonsAndNothingIsWritten() {
        TestUsers.run(admin, () -> {
            StoreForm blank = new StoreForm(" ", "", "Jakarta", null, null, true, new BigDecimal("150"), true);
            assertThatThrownBy(() -> stores.create(blank))
                    .isInstanceOfSatisfying(
                            InvalidStoreException.class,
                            e -> assertThat(e.problems())
                                    .extracting(StoreProblem::messageKey)
                                    .containsExactlyInAnyOrder(
                                            "store.error.name.required",
                                            "store.error.address.required",
                                            "store.error.timeZone.required",
                                            "store.error.currency.required",
                                            "store.error.taxRate.range"));
            assertThatThrownBy(() -> stores.create(TenancyIntegrationTest.form("managed")))
                    .isInstanceOfSatisfying(
                            InvalidStoreException.class,
                            e -> assertThat(e.problems())
                                    .extracting(StoreProblem::messageKey)
                                    .containsExactly("store.error.name.taken"));
            assertThat(stores.find("", PageRequest.of(0, 10)).getTotalElements())
                    .isEqualTo(2);
        });
    }

    @Test
    void aStaleEditDoesNotOverwriteANewerOne() {
        TestUsers.run(admin, () -> {
            long opened = managed.version();
            stores.update(managed.id(), opened, TenancyIntegrationTest.form("First edit"));
            assertThatThrownBy(() -> stores.update(managed.id(), opened, TenancyIntegrationTest.form("Second edit")))
                    .isInstanceOf(StaleStoreException.class);
            assertThat(stores.get(managed.id()).name()).isEqualTo("First edit");
        });
    }

    @Test
    void sortingByAnUnknownPropertyFallsBackToName() {
        TestUsers.run(
                admin,
                () -> assertThat(stores.find(
                                        "",
                                        PageRequest.of(
                                                0,
                                                10,
                                                org.springframework.data.domain.Sort.by("tenantId; drop table store")))
                                .getContent())
                        .extracting(StoreDetails::name)
                        .containsExactly("Managed", "Other"));
    }
}
