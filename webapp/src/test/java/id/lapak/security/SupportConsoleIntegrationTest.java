package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantFilter;
import id.lapak.tenant.TenantLifecycleException;
import id.lapak.tenant.TenantOffboarded;
import id.lapak.tenant.TenantOverview;
import id.lapak.tenant.access.ReadOnlyViewException;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditQuery;
import id.lapak.tenant.audit.AuditRecord;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support console end to end below the views: suspension refuses a tenant's people at login and reactivation
 * lets them in again; view-as is read-only in the services and the database and is visible to the merchant;
 * offboarding exports without secrets and deletes everything but the audit trail; every step is audited.
 */
@IntegrationTest
@RecordApplicationEvents
class SupportConsoleIntegrationTest {

    @Autowired
    TenantSeal seal;

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantAdministration tenants;

    @Autowired
    StoreService stores;

    @Autowired
    AuditLog audit;

    @Autowired
    ViewAs viewAs;

    @Autowired
    LapakOidcUserService users;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEvents events;

    @Value("${spring.datasource.url}")
    String url;

    Merchant merchant;
    TestUser support;

    @BeforeEach
    void merchantAndSupport() {
        merchant = TestMerchants.create(directory, stores, "Console");
        support = TestUsers.user(null, Set.of(), Role.SUPPORT);
    }

    @Test
    void aSuspendedTenantsPeopleAreRefusedAtLoginAndAdmittedAgainAfterReactivation() {
        assertThat(users.admit(token(merchant.tenant())).tenantId()).contains(merchant.tenant());

        TenantOverview suspended = TestUsers.as(support, () -> tenants.suspend(merchant.tenant(), "Unpaid invoices"));
        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.suspendedReason()).isEqualTo("Unpaid invoices");
        assertThat(suspended.suspendedBy()).isEqualTo(support.username());
        assertThatThrownBy(() -> users.admit(token(merchant.tenant())))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("tenant_suspended"));
        // Suspending twice is refused, not silently repeated.
        assertThatThrownBy(() -> TestUsers.as(support, () -> tenants.suspend(merchant.tenant(), "Again")))
                .isInstanceOf(TenantLifecycleException.class);

        TestUsers.as(support, () -> tenants.reactivate(merchant.tenant(), "Paid"));
        assertThat(users.admit(token(merchant.tenant())).tenantId()).contains(merchant.tenant());

        List<AuditRecord> entries = entries(merchant.tenant());
        assertThat(entries)
                .extracting(AuditRecord::action)
                .containsSubsequence(
                        "portal.login", "tenant.suspended", "access.denied", "tenant.reactivated", "portal.login");
        AuditRecord suspension = entries.stream()
                .filter(e -> e.action().equals("tenant.suspended"))
                .findFirst()
                .orElseThrow();
        assertThat(suspension.actorKind()).isEqualTo("SUPPORT");
        assertThat(suspension.actorId()).isEqualTo(support.subject());
        assertThat(suspension.details()).contains("Unpaid invoices");
        assertThat(suspension.changes()).contains("\"before\":\"ACTIVE\"", "\"after\":\"SUSPENDED\"");
        assertThat(entries)
                .filteredOn(e -> e.action().equals("access.denied"))
                .allSatisfy(e -> assertThat(e.details()).contains("tenant_suspended"));
        assertThat(audit.verify(merchant.tenant()).intact()).isTrue();
    }

    @Test
    void onlySupportRunsTheConsoleAndARefusalIsAudited() {
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> tenants.suspend(merchant.tenant(), "Mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> viewAs.start(merchant.tenant(), "Curious")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(entries(merchant.tenant()))
                .filteredOn(e -> e.action().equals("access.denied"))
                .extracting(AuditRecord::entityId)
                .contains("TenantAdministration.suspend", "ViewAs.start");
        assertThatThrownBy(() -> TestUsers.as(support, () -> tenants.suspend(merchant.tenant(), "  ")))
                .isInstanceOf(TenantLifecycleException.class);
    }

    @Test
    void theTenantListIsPagedAndFiltered() {
        TestUsers.as(support, () -> tenants.suspend(merchant.tenant(), "Checking the filter"));
        String name = directory.findForLogin(merchant.tenant()).orElseThrow().name();
        List<TenantOverview> found = TestUsers.as(
                support,
                () -> tenants.search(
                        new TenantFilter(name.substring(0, 20).toUpperCase(), "SUSPENDED", null),
                        PageRequest.of(0, 10)));
        assertThat(found).extracting(TenantOverview::id).containsExactly(merchant.tenant());
        assertThat(found.getFirst().storeCount()).isEqualTo(1);
        assertThat(TestUsers.as(support, () -> tenants.count(new TenantFilter(name, "ACTIVE", null))))
                .isZero();
        long all = TestUsers.as(support, () -> tenants.count(TenantFilter.none()));
        List<TenantOverview> firstTwo =
                TestUsers.as(support, () -> tenants.search(TenantFilter.none(), PageRequest.of(0, 2)));
        assertThat(firstTwo).hasSize((int) Math.min(2, all));
    }

    @Test
    void viewAsReadsButCannotWriteAndTheMerchantSeesIt() {
        StoreDetails before =
                TestUsers.as(merchant.admin(), () -> stores.get(merchant.store().id()));
        TestUsers.run(support, () -> {
            viewAs.start(merchant.tenant(), "Ticket 4711: stores look wrong");
            assertThat(viewAs.current()).isPresent();
            TenantContext.runAs(merchant.tenant(), () -> {
                // Reads work as for a merchant admin.
                assertThat(stores.find("", PageRequest.of(0, 10)).getContent())
                        .extracting(StoreDetails::id)
                        .containsExactly(merchant.store().id());
                // Every write is refused where its transaction begins.
                assertThatThrownBy(() -> stores.create(TestMerchants.store("Sneaky")))
                        .isInstanceOf(ReadOnlyViewException.class);
                assertThatThrownBy(() -> stores.update(before.id(), before.version(), TestMerchants.store("Renamed")))
                        .isInstanceOf(ReadOnlyViewException.class);
                assertThatThrownBy(() -> stores.deactivate(before.id())).isInstanceOf(ReadOnlyViewException.class);
                // And a read-only transaction is read-only in PostgreSQL too.
                TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
                readOnly.setReadOnly(true);
                assertThatThrownBy(() -> readOnly.executeWithoutResult(
                                s -> jdbc.sql("update store set name = 'Changed' where id = ?")
                                        .param(before.id())
                                        .update()))
                        .hasMessageContaining("read-only transaction");
            });
            viewAs.end();
            assertThat(viewAs.current()).isEmpty();
        });
        StoreDetails after =
                TestUsers.as(merchant.admin(), () -> stores.get(merchant.store().id()));
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.active()).isTrue();

        // The merchant admin sees who looked, and why, in their own audit log.
        List<AuditRecord> seen = TestUsers.as(
                merchant.admin(),
                () -> audit.search(new AuditQuery(null, null, "view_as.", null, null), PageRequest.of(0, 50)));
        assertThat(seen).extracting(AuditRecord::action).containsExactly("view_as.ended", "view_as.started");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.actorKind()).isEqualTo("SUPPORT");
            assertThat(e.actorId()).isEqualTo(support.subject());
            assertThat(e.details()).contains("Ticket 4711");
        });
    }

    @Test
    void aViewPastItsThirtyMinutesEndsOnTheNextRequestAndIsAudited() {
        TestUsers.run(support, () -> {
            var original = SecurityContextHolder.getContext().getAuthentication();
            var expired = new ViewAsUser(
                    support, merchant.tenant(), "Old ticket", Instant.now().minusSeconds(1));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ViewAsAuthentication(expired, original));
            SecurityContextHolder.setContext(context);

            viewAs.expireIfDue(new MockHttpServletRequest(), new MockHttpServletResponse());

            assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(original);
        });
        assertThat(entries(merchant.tenant()))
                .filteredOn(e -> e.action().equals("view_as.expired"))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(support.subject()));
    }

    @Test
    void theAuditLogShowsAMerchantOnlyTheirOwnTenantAndSupportEveryTenant() throws SQLException {
        Merchant other = TestMerchants.create(directory, stores, "Console other");
        List<AuditRecord> own = TestUsers.as(
                merchant.admin(),
                () -> audit.search(new AuditQuery(other.tenant(), null, null, null, null), PageRequest.of(0, 100)));
        assertThat(own).isNotEmpty().allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(merchant.tenant()));
        long supportCount = TestUsers.as(
                support, () -> audit.count(new AuditQuery(other.tenant(), null, "store.created", null, null)));
        assertThat(supportCount).isEqualTo(1);
        assertThatThrownBy(() -> TestUsers.as(
                        TestUsers.user(merchant.tenant(), Set.of(), Role.CASHIER), () -> audit.count(AuditQuery.all())))
                .isInstanceOf(AccessDeniedException.class);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TestUsers.run(merchant.admin(), () -> audit.exportCsv(new AuditQuery(null, null, "store.", null, null), csv));
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,tenant_id,seq,occurred_at,actor_kind");
        assertThat(text)
                .contains("store.created")
                .contains(merchant.tenant().toString())
                .doesNotContain(other.tenant().toString());

        // Row-level security agrees when the application's role asks directly.
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                seal.apply(c, merchant.tenant());
                var rs = s.executeQuery("select count(*) from audit_entry where tenant_id = '" + other.tenant() + "'");
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            c.rollback();
        }
    }

    @Test
    void offboardingExportsWithoutSecretsThenDeletesEverythingButTheAuditTrail() throws Exception {
        UUID tenant = merchant.tenant();
        String name = directory.findForLogin(tenant).orElseThrow().name();
        assertThatThrownBy(() -> TestUsers.as(support, () -> tenants.delete(tenant, name)))
                .isInstanceOf(TenantLifecycleException.class)
                .hasMessage("support.tenants.error.notExported");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TestUsers.run(support, () -> tenants.export(tenant, zip));
        Map<String, String> files = unzip(zip.toByteArray());
        assertThat(files)
                .containsKeys(
                        "manifest.json",
                        "tenant.csv",
                        "tables/store.csv",
                        "tables/device.csv",
                        "tables/audit_entry.csv");
        assertThat(files.get("tables/store.csv")).contains(merchant.store().name());
        assertThat(files.get("tenant.csv")).contains(name);
        assertThat(files.get("manifest.json"))
                .contains("\"table\": \"reader_bdk\", \"column\": \"wrapped_key\"")
                .contains("\"table\": \"pairing_code\", \"column\": \"code_hash\"")
                .contains("secretsExcluded");
        assertThat(files.get("tables/reader_bdk.csv")).doesNotContain("wrapped_key");
        assertThat(files.get("tables/pairing_code.csv")).doesNotContain("code_hash");

        assertThatThrownBy(() -> TestUsers.as(support, () -> tenants.delete(tenant, name + " typo")))
                .isInstanceOf(TenantLifecycleException.class)
                .hasMessage("support.tenants.error.confirmName");
        long auditBefore = TestUsers.as(support, () -> audit.count(new AuditQuery(tenant, null, null, null, null)));

        Map<String, Long> deleted = TestUsers.as(support, () -> tenants.delete(tenant, name));

        assertThat(deleted).containsEntry("store", 1L).containsEntry("tenant", 1L);
        assertThat(directory.findForLogin(tenant)).isEmpty();
        long storesLeft = platform.call(
                "test: count stores",
                () -> jdbc.sql("select count(*) from store where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single());
        assertThat(storesLeft).isZero();
        // The tenant's audit trail stays and still verifies; the deletion is in the platform chain.
        assertThat(TestUsers.as(support, () -> audit.count(new AuditQuery(tenant, null, null, null, null))))
                .isEqualTo(auditBefore);
        assertThat(audit.verify(tenant).intact()).isTrue();
        assertThat(TestUsers.as(
                        support,
                        () -> audit.search(
                                new AuditQuery(null, null, "tenant.deleted", null, null), PageRequest.of(0, 50))))
                .anySatisfy(e -> {
                    assertThat(e.tenantId()).isNull();
                    assertThat(e.entityId()).isEqualTo(tenant.toString());
                });
        assertThat(audit.verify(null).intact()).isTrue();
        assertThat(events.stream(TenantOffboarded.class)).containsExactly(new TenantOffboarded(tenant, name));
    }

    private List<AuditRecord> entries(UUID tenant) {
        List<AuditRecord> newestFirst = TestUsers.as(
                support, () -> audit.search(new AuditQuery(tenant, null, null, null, null), PageRequest.of(0, 200)));
        return newestFirst.reversed();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static OidcUser token(UUID tenant) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("preferred_username", "console-admin");
        claims.put("iss", "http://localhost:8180/realms/lapak");
        claims.put("roles", List.of("MERCHANT_ADMIN"));
        claims.put("tenant_id", tenant.toString());
        OidcIdToken idToken =
                new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300), claims);
        return new DefaultOidcUser(List.of(), idToken, "preferred_username");
    }
}
