package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestUsers;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** What a merchant admin sees of the reader keys: BDK versions with their readers, and who still needs re-keying. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class ReaderKeyOverviewIntegrationTest {

    private record Tenant(UUID id, LapakUser admin, UUID storeId) {}

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    ReaderKeyOverview overview;

    @Autowired
    id.lapak.tenant.context.PlatformAccess platform;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void afterRotationTheOverviewShowsBothVersionsAndTheReaderLeftOnTheOldOne() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient first = pairedDevice(tenant);
        UUID firstId = first.home().pairing().deviceId();
        first.requestReaderKey("RD-V1", "AES128");
        var rotated = TestUsers.as(tenant.admin(), () -> overview.rotate(ReaderKeyAlgorithm.AES128));
        assertThat(rotated.version()).isEqualTo(2);
        pairedDevice(tenant).requestReaderKey("RD-V2", "AES128");

        var versions = TestUsers.as(tenant.admin(), () -> overview.versions(ReaderKeyAlgorithm.AES128));
        assertThat(versions)
                .extracting(BdkVersionSummary::version, BdkVersionSummary::readers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 1L), org.assertj.core.groups.Tuple.tuple(1, 1L));
        assertThat(versions.get(0).createdBy()).isEqualTo(tenant.admin().username());
        assertThat(versions).allSatisfy(v -> assertThat(v.kcv()).matches("[0-9A-F]{10}"));
        // Key generation, rotation and each injection are in the tenant's audit trail (never the key itself).
        var audited = platform.call(
                "test: read audit",
                () -> jdbc.sql("select action || ':' || actor_kind from audit_entry where tenant_id = ? order by seq")
                        .param(tenant.id())
                        .query(String.class)
                        .list());
        assertThat(audited)
                .containsSubsequence(
                        "reader_key.bdk_created:DEVICE",
                        "reader_key.injected:DEVICE",
                        "reader_key.bdk_rotated:PERSON",
                        "reader_key.injected:DEVICE");

        var older = TestUsers.as(
                tenant.admin(),
                () -> overview.readersOnOlderVersions(ReaderKeyAlgorithm.AES128, PageRequest.of(0, 50)));
        assertThat(older).singleElement().satisfies(r -> {
            assertThat(r.deviceId()).isEqualTo(firstId);
            assertThat(r.readerSerial()).isEqualTo("RD-V1");
            assertThat(r.bdkVersion()).isEqualTo(1);
            assertThat(r.deviceName()).isNotBlank();
        });
        assertThat(TestUsers.as(
                        tenant.admin(),
                        () -> overview.readersOnOlderVersions(ReaderKeyAlgorithm.AES128, PageRequest.of(1, 50))))
                .isEmpty();
        assertThat(TestUsers.as(tenant.admin(), () -> overview.versions(ReaderKeyAlgorithm.TDES)))
                .isEmpty();

        // Re-keyed under the newest version, the first reader leaves the list.
        first.requestReaderKey("RD-V1", "AES128");
        assertThat(TestUsers.as(
                        tenant.admin(),
                        () -> overview.readersOnOlderVersions(ReaderKeyAlgorithm.AES128, PageRequest.of(0, 50))))
                .isEmpty();
        assertThat(TestUsers.as(tenant.admin(), () -> overview.versions(ReaderKeyAlgorithm.AES128)))
                .extracting(BdkVersionSummary::readers)
                .containsExactly(2L, 0L);
    }

    @Test
    void storeManagersAndCashiersAreRefused() throws Exception {
        Tenant tenant = newTenant();
        for (Role role : new Role[] {Role.STORE_MANAGER, Role.CASHIER}) {
            LapakUser user = TestUsers.user(tenant.id(), Set.of(tenant.storeId()), role);
            assertThatThrownBy(() -> TestUsers.as(user, () -> overview.versions(ReaderKeyAlgorithm.AES128)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> TestUsers.as(
                            user,
                            () -> overview.readersOnOlderVersions(ReaderKeyAlgorithm.AES128, PageRequest.of(0, 10))))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> TestUsers.as(user, () -> overview.rotate(ReaderKeyAlgorithm.AES128)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void anotherTenantSeesNothing() throws Exception {
        Tenant a = newTenant();
        Tenant b = newTenant();
        pairedDevice(a).requestReaderKey("RD-A", "TDES");
        TestUsers.as(a.admin(), () -> overview.rotate(ReaderKeyAlgorithm.TDES));

        assertThat(TestUsers.as(a.admin(), () -> overview.versions(ReaderKeyAlgorithm.TDES)))
                .hasSize(2);
        assertThat(TestUsers.as(b.admin(), () -> overview.versions(ReaderKeyAlgorithm.TDES)))
                .isEmpty();
        assertThat(TestUsers.as(
                        b.admin(),
                        () -> overview.readersOnOlderVersions(ReaderKeyAlgorithm.TDES, PageRequest.of(0, 50))))
                .isEmpty();
    }

    private Tenant newTenant() throws Exception {
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, "Keys");
        return new Tenant(merchant.tenant(), merchant.admin(), merchant.store().id());
    }

    private DeviceClient pairedDevice(Tenant tenant) throws Exception {
        return id.lapak.testing.TestMerchants.pairSimulator(codes, tenant.admin(), tenant.storeId(), port);
    }
}
