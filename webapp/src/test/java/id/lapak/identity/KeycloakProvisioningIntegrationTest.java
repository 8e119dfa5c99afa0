package id.lapak.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.local.LocalKeycloak;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantOffboarded;
import id.lapak.tenant.TenantOnboarding;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboarding and team management against a real Keycloak (started on port 8182 with the realm file, in memory):
 * what support creates exists in Keycloak in the right group with the right role and first-login steps; a Keycloak
 * that refuses or goes away part-way leaves no active tenant without its admin; a merchant admin manages only their
 * own team, never grants SUPPORT and never removes the last admin; every method is checked for every role.
 */
@SpringBootTest(
        properties = {
            "lapak.keycloak.url=",
            "lapak.keycloak.local.port=8182",
            "lapak.keycloak.local.management-port=9002",
            "lapak.keycloak.local.persistent=false"
        })
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class KeycloakProvisioningIntegrationTest {

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TeamService team;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    KeycloakAdmin keycloak;

    @Autowired
    id.lapak.catalog.stock.StoreManagerDirectory storeManagers;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventPublisher events;

    @Value("${lapak.keycloak.url}")
    String keycloakUrl;

    final TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);

    @BeforeEach
    void keycloakIsUp() {
        LocalKeycloak.current().awaitReady(Duration.ofMinutes(4));
    }

    /** A freshly onboarded tenant, its admin as Keycloak has them and as the services see them, and one store. */
    record Onboarded(TenantOnboarding tenant, Invitation invitation, TestUser admin, StoreDetails store) {}

    Onboarded onboard(String name) {
        String email = "owner-" + UUID.randomUUID() + "@example.id";
        TenantProvisioning.Result result =
                TestUsers.as(support, () -> provisioning.create(OnboardingRequests.request(name, email)));
        assertThat(result.provisioned()).as(result.tenant().provisioningError()).isTrue();
        UUID tenantId = result.tenant().id();
        TestUser admin = new TestUser(
                result.adminInvitation().orElseThrow().userId(),
                email,
                tenantId,
                Set.of(Role.MERCHANT_ADMIN),
                Set.of());
        StoreDetails store = TestUsers.as(admin, () -> stores.create(TestMerchants.store(name + " Pusat")));
        return new Onboarded(result.tenant(), result.adminInvitation().orElseThrow(), admin, store);
    }

    @Test
    void supportCreatesATenantWhoseAdminExistsInItsGroupWithItsRoleAndFirstLoginSteps() {
        String email = "Owner-" + UUID.randomUUID() + "@Example.id";
        TenantProvisioning.Result result =
                TestUsers.as(support, () -> provisioning.create(OnboardingRequests.request("Toko Baru", email)));

        assertThat(result.provisioned()).isTrue();
        TenantOnboarding tenant = result.tenant();
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.taxId()).isEqualTo("01.234.567.8-901.000");
        assertThat(tenant.plan()).isEqualTo(id.lapak.tenant.TenantPlan.GROWTH);
        assertThat(tenants.findForLogin(tenant.id()))
                .get()
                .satisfies(d -> assertThat(d.active()).isTrue());

        Invitation invitation = result.adminInvitation().orElseThrow();
        assertThat(invitation.temporaryPassword()).hasSizeGreaterThanOrEqualTo(16);
        KeycloakAdmin.UserRep user = keycloak.findUser(invitation.userId()).orElseThrow();
        assertThat(user.username()).isEqualTo(email.toLowerCase());
        assertThat(user.email()).isEqualTo(email.toLowerCase());
        assertThat(user.enabled()).isTrue();
        assertThat(user.attribute("tenant_id")).contains(tenant.id().toString());
        assertThat(user.requiredActions())
                .containsExactlyInAnyOrder("UPDATE_PASSWORD", "CONFIGURE_TOTP", "VERIFY_EMAIL");
        assertThat(keycloak.userGroups(user.id()))
                .extracting(KeycloakAdmin.GroupRep::name)
                .containsExactly("tenant-" + tenant.id());
        assertThat(keycloak.realmRoles(user.id())).contains("MERCHANT_ADMIN").doesNotContain("SUPPORT");

        assertThat(auditLog.verify(tenant.id()).intact()).isTrue();
        assertThat(actions(tenant.id())).containsExactly("tenant.created", "tenant.provisioned");
        assertThat(auditText(tenant.id())).doesNotContain(invitation.temporaryPassword());
    }

    @Test
    void keycloakRefusingTheAdminLeavesAFailedTenantAndNothingInKeycloak() {
        // The demo realm's maju.admin already has this e-mail, in another tenant.
        TenantProvisioning.Result result = TestUsers.as(
                support,
                () -> provisioning.create(OnboardingRequests.request("Toko Kembar", "maju.admin@demo.lapak.id")));

        assertThat(result.provisioned()).isFalse();
        assertThat(result.tenant().status()).isEqualTo(TenantStatus.PROVISIONING_FAILED);
        assertThat(result.tenant().provisioningError()).isEqualTo("identity.error.emailTaken");
        assertThat(keycloak.findGroup("tenant-" + result.tenant().id())).isEmpty();
        KeycloakAdmin.UserRep majuAdmin =
                keycloak.findUserByUsername("maju.admin").orElseThrow();
        assertThat(majuAdmin.attribute("tenant_id")).contains("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
        assertThat(actions(result.tenant().id())).containsExactly("tenant.created", "tenant.provisioning_failed");
    }

    /**
     * Keycloak goes away after {@code answered} requests (the token, the group, the user...): the tenant is never
     * ACTIVE without a complete admin, and a retry once Keycloak is back finishes the job with what was left.
     */
    @ParameterizedTest(name = "Keycloak stops after {0} requests")
    @ValueSource(ints = {2, 3, 6, 8})
    void keycloakStoppingDuringCreationLeavesNoHalfCreatedTenant(int answered) throws Exception {
        try (DyingKeycloak dying = new DyingKeycloak(keycloakUrl, answered)) {
            KeycloakAdmin flaky = new KeycloakAdmin(
                    dying.url(),
                    "",
                    "lapak",
                    "lapak-provisioner",
                    "lapak-provisioner-dev-secret",
                    Duration.ofSeconds(5));
            TenantProvisioning onFlakyKeycloak = new TenantProvisioning(tenants, new Identities(flaky));
            String email = "owner-" + UUID.randomUUID() + "@example.id";

            TenantProvisioning.Result result = TestUsers.as(
                    support, () -> onFlakyKeycloak.create(OnboardingRequests.request("Toko Putus", email)));

            assertThat(dying.died()).isTrue();
            assertThat(result.provisioned()).isFalse();
            assertThat(result.tenant().status()).isEqualTo(TenantStatus.PROVISIONING_FAILED);
            assertThat(tenants.findForLogin(result.tenant().id()))
                    .get()
                    .satisfies(d -> assertThat(d.active()).isFalse());

            // Keycloak is back: the retry completes the admin, reusing whatever the first attempt left behind.
            TenantProvisioning.Result retried = TestUsers.as(
                    support, () -> provisioning.retry(result.tenant().id()));
            assertThat(retried.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
            KeycloakAdmin.UserRep user = keycloak.findUserByUsername(email).orElseThrow();
            assertThat(keycloak.userGroups(user.id()))
                    .extracting(KeycloakAdmin.GroupRep::name)
                    .containsExactly("tenant-" + result.tenant().id());
            assertThat(keycloak.realmRoles(user.id())).contains("MERCHANT_ADMIN");
        }
    }

    @Test
    void merchantAdminInvitesACashierForOneOfTheirStores() {
        Onboarded shop = onboard("Toko Kasir");
        Invitation invitation = TestUsers.as(
                shop.admin(),
                () -> team.invite(new TeamService.InviteForm(
                        "kasir-" + UUID.randomUUID() + "@example.id",
                        "Budi",
                        "Santoso",
                        Role.CASHIER,
                        Set.of(shop.store().id()))));

        KeycloakAdmin.UserRep cashier = keycloak.findUser(invitation.userId()).orElseThrow();
        assertThat(cashier.attribute("tenant_id")).contains(shop.tenant().id().toString());
        assertThat(cashier.attributeValues("store_ids"))
                .containsExactly(shop.store().id().toString());
        assertThat(cashier.requiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(keycloak.realmRoles(cashier.id())).contains("CASHIER").doesNotContain("MERCHANT_ADMIN");
        assertThat(keycloak.userGroups(cashier.id()))
                .extracting(KeycloakAdmin.GroupRep::name)
                .containsExactly("tenant-" + shop.tenant().id());

        List<TeamMember> members = TestUsers.as(shop.admin(), () -> team.list(0, 50));
        assertThat(members).extracting(TeamMember::role).containsExactlyInAnyOrder(Role.MERCHANT_ADMIN, Role.CASHIER);
        assertThat(team.membersOf(shop.tenant().id()))
                .extracting(TeamMember::email)
                .contains(invitation.email(), shop.invitation().email());
        assertThat(actions(shop.tenant().id())).contains("user.invited");
    }

    @Test
    void lowStockMailGoesToTheStoresActiveManagersInKeycloak() {
        Onboarded shop = onboard("Toko Manajer");
        StoreDetails cabang =
                TestUsers.as(shop.admin(), () -> stores.create(TestMerchants.store("Toko Manajer Cabang")));
        Invitation active = inviteManager(shop, shop.store().id());
        Invitation pending = inviteManager(shop, shop.store().id());
        Invitation elsewhere = inviteManager(shop, cabang.id());
        for (Invitation done : List.of(active, elsewhere)) {
            keycloak.updateUser(keycloak.findUser(done.userId()).orElseThrow().withRequiredActions(List.of()));
        }
        assertThat(storeManagers.managerEmails(shop.tenant().id(), shop.store().id()))
                .containsExactly(active.email().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain(
                        pending.email(), elsewhere.email(), shop.invitation().email());
        assertThat(storeManagers.managerEmails(shop.tenant().id(), cabang.id()))
                .containsExactly(elsewhere.email().toLowerCase(java.util.Locale.ROOT));
    }

    private Invitation inviteManager(Onboarded shop, UUID storeId) {
        return TestUsers.as(
                shop.admin(),
                () -> team.invite(new TeamService.InviteForm(
                        "manajer-" + UUID.randomUUID() + "@example.id",
                        "Ani",
                        "Lestari",
                        Role.STORE_MANAGER,
                        Set.of(storeId))));
    }

    @Test
    void managersAndCashiersNeedStoresOfTheirOwnTenant() {
        Onboarded shop = onboard("Toko Cabang");
        Onboarded other = onboard("Toko Lain");
        assertThatThrownBy(() -> TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "m-" + UUID.randomUUID() + "@example.id",
                                "Ani",
                                "Lestari",
                                Role.STORE_MANAGER,
                                Set.of()))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "m-" + UUID.randomUUID() + "@example.id",
                                "Ani",
                                "Lestari",
                                Role.STORE_MANAGER,
                                Set.of(other.store().id())))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
                        .extracting(TeamChangeRefused::messageKey)
                        .containsExactly("team.error.storeUnknown"));
    }

    @Test
    void aMerchantAdminNeverGrantsSupportNorTouchesAnotherTenantsPeople() {
        Onboarded shop = onboard("Toko Aman");
        Onboarded other = onboard("Toko Tetangga");
        assertThatThrownBy(() -> TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "s-" + UUID.randomUUID() + "@example.id", "Sup", "Port", Role.SUPPORT, Set.of()))))
                .isInstanceOf(AccessDeniedException.class);
        String cashier = TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "k-" + UUID.randomUUID() + "@example.id",
                                "Kasir",
                                "Satu",
                                Role.CASHIER,
                                Set.of(shop.store().id()))))
                .userId();
        assertThatThrownBy(() -> TestUsers.as(shop.admin(), () -> team.changeRole(cashier, Role.SUPPORT, Set.of())))
                .isInstanceOf(AccessDeniedException.class);

        String neighboursAdmin = other.invitation().userId();
        String majuAdmin =
                keycloak.findUserByUsername("maju.admin").orElseThrow().id();
        for (String foreign : List.of(neighboursAdmin, majuAdmin, "not-a-user-id")) {
            for (Consumer<TeamService> change : List.<Consumer<TeamService>>of(
                    t -> t.get(foreign),
                    t -> t.disable(foreign),
                    t -> t.enable(foreign),
                    t -> t.changeRole(foreign, Role.CASHIER, Set.of(shop.store().id())),
                    t -> t.changeStoreScope(foreign, Set.of(shop.store().id())),
                    t -> t.resendInvitation(foreign))) {
                assertThatThrownBy(() -> TestUsers.run(shop.admin(), () -> change.accept(team)))
                        .isInstanceOf(TeamChangeRefused.class)
                        .hasMessageContaining("team.error.notFound");
            }
        }
        assertThat(keycloak.findUser(neighboursAdmin).orElseThrow().enabled()).isTrue();
        assertThat(TestUsers.as(shop.admin(), () -> team.list(0, 50)))
                .extracting(TeamMember::id)
                .doesNotContain(neighboursAdmin, majuAdmin);
    }

    @Test
    void theLastEnabledAdminCanNeitherBeDisabledNorDemoted() {
        Onboarded shop = onboard("Toko Satu Admin");
        String owner = shop.invitation().userId();
        assertThatThrownBy(() -> TestUsers.as(shop.admin(), () -> team.disable(owner)))
                .isInstanceOf(TeamChangeRefused.class)
                .hasMessageContaining("team.error.lastAdmin");
        assertThatThrownBy(() -> TestUsers.as(
                        shop.admin(),
                        () -> team.changeRole(
                                owner, Role.CASHIER, Set.of(shop.store().id()))))
                .isInstanceOf(TeamChangeRefused.class)
                .hasMessageContaining("team.error.lastAdmin");
        assertThat(keycloak.findUser(owner).orElseThrow().enabled()).isTrue();
        assertThat(keycloak.realmRoles(owner)).contains("MERCHANT_ADMIN");
        assertThat(actions(shop.tenant().id())).doesNotContain("user.disabled", "user.role_changed");

        String second = TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "a2-" + UUID.randomUUID() + "@example.id",
                                "Admin",
                                "Dua",
                                Role.MERCHANT_ADMIN,
                                Set.of())))
                .userId();
        TeamMember disabled = TestUsers.as(shop.admin(), () -> team.disable(owner));
        assertThat(disabled.enabled()).isFalse();
        assertThatThrownBy(() -> TestUsers.as(shop.admin(), () -> team.disable(second)))
                .isInstanceOf(TeamChangeRefused.class)
                .hasMessageContaining("team.error.lastAdmin");
        TestUsers.as(shop.admin(), () -> team.enable(owner));
        TeamMember demoted = TestUsers.as(
                shop.admin(),
                () -> team.changeRole(
                        second, Role.STORE_MANAGER, Set.of(shop.store().id())));
        assertThat(demoted.role()).isEqualTo(Role.STORE_MANAGER);
        assertThat(demoted.storeIds()).containsExactly(shop.store().id());
        assertThat(keycloak.realmRoles(second)).contains("STORE_MANAGER").doesNotContain("MERCHANT_ADMIN");
        assertThat(actions(shop.tenant().id())).contains("user.disabled", "user.enabled", "user.role_changed");
    }

    @Test
    void resendingAnInvitationSetsANewTemporaryPasswordAndTheFirstLoginStepsAgain() {
        Onboarded shop = onboard("Toko Undang");
        Invitation first = TestUsers.as(
                shop.admin(),
                () -> team.invite(new TeamService.InviteForm(
                        "r-" + UUID.randomUUID() + "@example.id",
                        "Rina",
                        "Putri",
                        Role.CASHIER,
                        Set.of(shop.store().id()))));
        keycloak.updateUser(keycloak.findUser(first.userId()).orElseThrow().withRequiredActions(List.of()));
        Invitation again = TestUsers.as(shop.admin(), () -> team.resendInvitation(first.userId()));
        assertThat(again.temporaryPassword()).isNotEqualTo(first.temporaryPassword());
        assertThat(keycloak.findUser(first.userId()).orElseThrow().requiredActions())
                .containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        UUID second = TestUsers.as(shop.admin(), () -> stores.create(TestMerchants.store("Cabang Dua")))
                .id();
        TeamMember scoped = TestUsers.as(shop.admin(), () -> team.changeStoreScope(first.userId(), Set.of(second)));
        assertThat(scoped.storeIds()).hasSize(1).doesNotContain(shop.store().id());
        assertThat(actions(shop.tenant().id())).contains("user.invitation_resent", "user.store_scope_changed");
    }

    @Test
    void offboardingATenantRemovesItsPeopleAndGroupFromKeycloak() {
        Onboarded shop = onboard("Toko Tutup");
        String cashier = TestUsers.as(
                        shop.admin(),
                        () -> team.invite(new TeamService.InviteForm(
                                "t-" + UUID.randomUUID() + "@example.id",
                                "Kasir",
                                "Tutup",
                                Role.CASHIER,
                                Set.of(shop.store().id()))))
                .userId();
        Onboarded neighbour = onboard("Toko Buka");

        events.publishEvent(
                new TenantOffboarded(shop.tenant().id(), shop.tenant().name()));

        assertThat(keycloak.findUser(cashier)).isEmpty();
        assertThat(keycloak.findUser(shop.invitation().userId())).isEmpty();
        assertThat(keycloak.findGroup("tenant-" + shop.tenant().id())).isEmpty();
        assertThat(keycloak.findUser(neighbour.invitation().userId())).isPresent();
    }

    // --- every method × every role ------------------------------------------------------------------------------

    enum Method {
        CREATE_TENANT,
        RETRY_PROVISIONING,
        AWAITING_PROVISIONING,
        LIST,
        GET,
        INVITE,
        CHANGE_ROLE,
        CHANGE_STORE_SCOPE,
        DISABLE,
        ENABLE,
        RESEND_INVITATION
    }

    static Stream<Arguments> roleMatrix() {
        Map<Role, Set<Method>> allowed = Map.of(
                Role.SUPPORT, Set.of(Method.CREATE_TENANT, Method.RETRY_PROVISIONING, Method.AWAITING_PROVISIONING),
                Role.MERCHANT_ADMIN,
                        Set.of(
                                Method.LIST,
                                Method.GET,
                                Method.INVITE,
                                Method.CHANGE_ROLE,
                                Method.CHANGE_STORE_SCOPE,
                                Method.DISABLE,
                                Method.ENABLE,
                                Method.RESEND_INVITATION),
                Role.STORE_MANAGER, Set.of(),
                Role.CASHIER, Set.of());
        return Stream.of(Role.values())
                .flatMap(role -> Stream.of(Method.values())
                        .map(method ->
                                Arguments.of(role, method, allowed.get(role).contains(method))));
    }

    static Onboarded matrixShop;
    static String matrixCashier;

    @ParameterizedTest(name = "{0} {1} allowed={2}")
    @MethodSource("roleMatrix")
    void everyMethodForEveryRole(Role role, Method method, boolean allowed) {
        if (matrixShop == null) {
            matrixShop = onboard("Toko Matriks");
            matrixCashier = TestUsers.as(
                            matrixShop.admin(),
                            () -> team.invite(new TeamService.InviteForm(
                                    "mx-" + UUID.randomUUID() + "@example.id",
                                    "Kasir",
                                    "Matriks",
                                    Role.CASHIER,
                                    Set.of(matrixShop.store().id()))))
                    .userId();
        }
        UUID tenant = matrixShop.tenant().id();
        UUID store = matrixShop.store().id();
        TestUser user = role == Role.SUPPORT ? support : TestUsers.user(tenant, Set.of(store), role);
        Runnable call = switch (method) {
            case CREATE_TENANT ->
                () -> provisioning.create(
                        OnboardingRequests.request("Toko Peran", "p-" + UUID.randomUUID() + "@example.id"));
            case RETRY_PROVISIONING ->
                () -> {
                    try {
                        provisioning.retry(tenant);
                    } catch (TeamChangeRefused e) {
                        assertThat(e.messageKey()).isEqualTo("onboarding.error.notRetryable");
                    }
                };
            case AWAITING_PROVISIONING -> () -> provisioning.awaitingProvisioning();
            case LIST -> () -> team.list(0, 10);
            case GET -> () -> team.get(matrixCashier);
            case INVITE ->
                () -> team.invite(new TeamService.InviteForm(
                        "i-" + UUID.randomUUID() + "@example.id", "Baru", "Sekali", Role.CASHIER, Set.of(store)));
            case CHANGE_ROLE -> () -> team.changeRole(matrixCashier, Role.CASHIER, Set.of(store));
            case CHANGE_STORE_SCOPE -> () -> team.changeStoreScope(matrixCashier, Set.of(store));
            case DISABLE -> () -> team.disable(matrixCashier);
            case ENABLE -> () -> team.enable(matrixCashier);
            case RESEND_INVITATION -> () -> team.resendInvitation(matrixCashier);
        };
        if (allowed) {
            TestUsers.run(user, call);
        } else {
            assertThatThrownBy(() -> TestUsers.run(user, call)).isInstanceOf(AccessDeniedException.class);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    List<String> actions(UUID tenantId) {
        return TenantContext.callAs(
                tenantId,
                () -> new TransactionTemplate(transactionManager)
                        .execute(s -> jdbc.sql("select action from audit_entry where tenant_id = ? order by seq")
                                .param(tenantId)
                                .query(String.class)
                                .list()));
    }

    String auditText(UUID tenantId) {
        return TenantContext.callAs(
                tenantId,
                () -> new TransactionTemplate(transactionManager)
                        .execute(s -> String.join(
                                "|",
                                jdbc.sql(
                                                "select coalesce(changes, '') || coalesce(details, '') from audit_entry where tenant_id = ?")
                                        .param(tenantId)
                                        .query(String.class)
                                        .list())));
    }
}
