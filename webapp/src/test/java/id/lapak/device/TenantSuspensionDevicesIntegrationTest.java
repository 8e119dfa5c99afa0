package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.health.AlertSettingsService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditQuery;
import id.lapak.tenant.audit.AuditRecord;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Suspending a tenant in the support console refuses its devices on their next request (every node hears the
 * change); reactivating lets them back. Changes people make to devices are audited with their changed fields,
 * while the device timeline keeps its own entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(id.lapak.testing.SameSecurityContextStrategy.class)
class TenantSuspensionDevicesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantAdministration tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    DeviceService devices;

    @Autowired
    DeviceConfigService config;

    @Autowired
    AlertSettingsService alertSettings;

    @Autowired
    AuditLog audit;

    @Autowired
    id.lapak.device.health.DeviceHealthChecker checker;

    @Autowired
    id.lapak.device.health.DeviceAlerts alerts;

    Merchant merchant;
    TestUser support;

    @BeforeEach
    void merchant() {
        merchant = TestMerchants.create(directory, stores, "Suspension");
        support = TestUsers.user(null, Set.of(), Role.SUPPORT);
    }

    TestDevice pairedDevice() {
        String code = TestUsers.as(
                        merchant.admin(), () -> codes.create(merchant.store().id(), "Kasir 1"))
                .code();
        TestDevice device = new TestDevice(port);
        assertThat(device.pair(code).statusCode()).isEqualTo(201);
        return device.authenticate();
    }

    @Test
    void devicesOfASuspendedTenantAreRefusedAndWorkAgainAfterReactivation() {
        TestDevice device = pairedDevice();
        assertThat(device.config(null).statusCode()).isEqualTo(200);

        TestUsers.as(support, () -> tenants.suspend(merchant.tenant(), "Fraud investigation"));
        Await.until(() -> "tenant_suspended".equals(TestDevice.reason(device.config(null))));
        assertThat(device.config(null).statusCode()).isEqualTo(401);

        TestUsers.as(support, () -> tenants.reactivate(merchant.tenant(), "Cleared"));
        Await.until(() -> device.config(null).statusCode() == 200);
    }

    @Test
    void theHealthJobsAlertsAndTheirAcknowledgementAreAudited() {
        TestDevice device = pairedDevice();
        var outcome =
                checker.checkTenant(merchant.tenant(), java.time.Instant.now().plus(java.time.Duration.ofHours(1)));
        assertThat(outcome.raised()).isEqualTo(1);
        var alert = TestUsers.as(
                        merchant.admin(),
                        () -> alerts.openAlerts(PageRequest.of(0, 10)).getContent())
                .getFirst();
        TestUsers.run(merchant.admin(), () -> alerts.acknowledge(alert.id()));

        List<AuditRecord> entries = TestUsers.as(
                        merchant.admin(),
                        () -> audit.search(
                                new AuditQuery(null, null, "device.alert_", null, null), PageRequest.of(0, 50)))
                .reversed();
        assertThat(entries)
                .extracting(AuditRecord::action)
                .containsExactly("device.alert_raised", "device.alert_acknowledged");
        assertThat(entries.get(0).actorKind()).isEqualTo("SYSTEM");
        assertThat(entries.get(0).actorName()).isEqualTo("health check");
        assertThat(entries.get(0).details()).contains(device.deviceId.toString(), "OFFLINE");
        assertThat(entries.get(1).actorId()).isEqualTo(merchant.admin().subject());
        assertThat(entries.get(1).entityId()).isEqualTo(alert.id().toString());
    }

    @Test
    void peoplesChangesToDevicesAreAuditedWithTheirFields() {
        TestDevice device = pairedDevice();
        TestUsers.run(merchant.admin(), () -> {
            devices.rename(device.deviceId, "Kasir Depan");
            config.setLayer(
                    ConfigScope.TENANT,
                    merchant.tenant(),
                    Map.of("receipt.footer", JsonNodeFactory.instance.stringNode("Sampai jumpa")));
            alertSettings.update(25, 20);
            devices.revoke(device.deviceId, "Lost");
        });
        List<AuditRecord> entries = TestUsers.as(
                        merchant.admin(),
                        () -> audit.search(new AuditQuery(null, null, "device.", null, null), PageRequest.of(0, 50)))
                .reversed();
        assertThat(entries)
                .extracting(AuditRecord::action)
                .containsExactly(
                        "device.renamed", "device.settings_changed", "device.alert_settings_changed", "device.revoked");
        assertThat(entries.get(0).changes()).contains("\"before\":\"Kasir 1\"", "\"after\":\"Kasir Depan\"");
        assertThat(entries.get(1).changes()).contains("receipt.footer", "Sampai jumpa");
        assertThat(entries.get(2).changes()).contains("offlineAfterMinutes", "\"after\":\"25\"");
        assertThat(entries.get(3).changes()).contains("\"before\":\"ACTIVE\"", "\"after\":\"REVOKED\"");
        assertThat(entries.get(3).details()).contains("Lost");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(merchant.admin().subject());
            assertThat(e.entityId()).isNotBlank();
        });
        // The device's own timeline is kept as before.
        assertThat(TestUsers.as(merchant.admin(), () -> devices.timeline(device.deviceId, 20)))
                .extracting(DeviceTimeline.Entry::kind)
                .contains("RENAMED", "REVOKED");
        assertThat(audit.verify(merchant.tenant()).intact()).isTrue();
    }
}
