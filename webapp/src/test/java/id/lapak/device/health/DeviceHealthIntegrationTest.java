package id.lapak.device.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceFacts;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceService;
import id.lapak.device.Heartbeat;
import id.lapak.device.auth.ExpiredAssertions;
import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.pairing.Pairing;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/** The health check raises and clears alerts per tenant, at the time the test chooses, and never across tenants. */
@IntegrationTest
class DeviceHealthIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    Pairing pairing;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DeviceService devices;

    @Autowired
    DeviceConfigService config;

    @Autowired
    DeviceHealthChecker checker;

    @Autowired
    DeviceAlerts alerts;

    @Autowired
    AlertSettingsService settings;

    @Autowired
    ExpiredAssertions assertions;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transaction;

    /** A merchant with one store and its admin. */
    record Merchant(UUID tenant, TestUser admin, StoreDetails store) {}

    Merchant merchant;

    @BeforeEach
    void aMerchant() {
        transaction = new TransactionTemplate(transactionManager);
        merchant = newMerchant("Health");
    }

    Merchant newMerchant(String name) {
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, name);
        return new Merchant(merchant.tenant(), merchant.admin(), merchant.store());
    }

    DeviceDetails pairedDevice(Merchant m, String appVersion) {
        String code = TestUsers.as(m.admin(), () -> codes.create(m.store().id(), "Kasir 1"))
                .code();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] publicKey = generator.generateKeyPair().getPublic().getEncoded();
            return pairing.redeem(
                    code, publicKey, new DeviceFacts("Sunmi P2", "SN-1", null, appVersion, null, null), "127.0.0.1");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void heartbeat(Merchant m, UUID deviceId, int battery, boolean charging, String appVersion) {
        TenantContext.runAs(
                m.tenant(),
                () -> registry.recordHeartbeat(
                        deviceId,
                        new Heartbeat(
                                battery,
                                charging,
                                appVersion,
                                null,
                                Heartbeat.Connectivity.WIFI,
                                null,
                                0,
                                Instant.now())));
    }

    List<DeviceAlert> open(Merchant m) {
        return TestUsers.as(
                m.admin(), () -> alerts.openAlerts(PageRequest.of(0, 50)).getContent());
    }

    List<AlertKind> openKinds(Merchant m, UUID deviceId) {
        return open(m).stream()
                .filter(a -> a.deviceId().equals(deviceId))
                .map(DeviceAlert::kind)
                .toList();
    }

    List<String> timeline(Merchant m, UUID deviceId) {
        return TestUsers.as(m.admin(), () -> devices.timeline(deviceId, 100)).stream()
                .map(e -> e.kind() + ":" + e.detail())
                .toList();
    }

    @Test
    void aSilentDeviceGoesOfflineAfterTheThresholdAndClearsWhenItReportsAgain() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        Instant now = Instant.now();

        checker.checkTenant(merchant.tenant(), now.plus(Duration.ofMinutes(9)));
        assertThat(openKinds(merchant, device.id())).isEmpty();

        checker.checkTenant(merchant.tenant(), now.plus(Duration.ofMinutes(11)));
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.OFFLINE);
        assertThat(open(merchant)).singleElement().satisfies(a -> {
            assertThat(a.deviceName()).isEqualTo("Kasir 1");
            assertThat(a.acknowledged()).isFalse();
        });

        heartbeat(merchant, device.id(), 80, false, "1.4.0");
        DeviceHealthChecker.Outcome outcome = checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(outcome.cleared()).isOne();
        assertThat(openKinds(merchant, device.id())).isEmpty();
        assertThat(timeline(merchant, device.id())).contains("ALERT_RAISED:OFFLINE", "ALERT_CLEARED:OFFLINE");
    }

    @Test
    void theOfflineThresholdIsTheTenantsOwn() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        TestUsers.run(merchant.admin(), () -> settings.update(30, 15));

        checker.checkTenant(merchant.tenant(), Instant.now().plus(Duration.ofMinutes(20)));
        assertThat(openKinds(merchant, device.id())).isEmpty();
        checker.checkTenant(merchant.tenant(), Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.OFFLINE);
    }

    @Test
    void aLowBatteryRaisesAnAlertUntilTheDeviceCharges() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        heartbeat(merchant, device.id(), 10, false, "1.4.0");
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.BATTERY_LOW);

        heartbeat(merchant, device.id(), 10, true, "1.4.0");
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id())).isEmpty();

        heartbeat(merchant, device.id(), 20, false, "1.4.0");
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id()))
                .as("20% is above the default 15%")
                .isEmpty();
        assertThat(timeline(merchant, device.id())).contains("ALERT_RAISED:BATTERY_LOW", "ALERT_CLEARED:BATTERY_LOW");
    }

    @Test
    void anOutdatedAppIsFlaggedFromTheRequiredDateOn() {
        DeviceDetails device = pairedDevice(merchant, "1.9.3");
        LocalDate today = LocalDate.now(NewTenant.DEFAULT_TIME_ZONE);
        TestUsers.run(
                merchant.admin(),
                () -> config.setLayer(
                        ConfigScope.TENANT,
                        merchant.tenant(),
                        Map.of(
                                "app.minimumVersion", JsonNodeFactory.instance.stringNode("1.10.0"),
                                "app.requiredFrom",
                                        JsonNodeFactory.instance.stringNode(
                                                today.plusDays(2).toString()))));
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id()))
                .as("before the required date")
                .isEmpty();

        TestUsers.run(
                merchant.admin(),
                () -> config.setLayer(
                        ConfigScope.TENANT,
                        merchant.tenant(),
                        Map.of(
                                "app.minimumVersion", JsonNodeFactory.instance.stringNode("1.10.0"),
                                "app.requiredFrom",
                                        JsonNodeFactory.instance.stringNode(
                                                today.minusDays(1).toString()))));
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.APP_OUTDATED);

        heartbeat(merchant, device.id(), 90, false, "1.10.0");
        checker.checkTenant(merchant.tenant(), Instant.now());
        assertThat(openKinds(merchant, device.id())).isEmpty();
    }

    @Test
    void runningTwiceRaisesOneAlert() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        Instant later = Instant.now().plus(Duration.ofHours(1));
        assertThat(checker.checkTenant(merchant.tenant(), later).raised()).isOne();
        assertThat(checker.checkTenant(merchant.tenant(), later).raised()).isZero();
        assertThat(platform.call(
                        "test: count alerts",
                        () -> jdbc.sql("select count(*) from device_alert where tenant_id = ? and device_id = ?")
                                .params(merchant.tenant(), device.id())
                                .query(Long.class)
                                .single()))
                .isOne();
    }

    @Test
    void oneTenantsRunNeverTouchesAnotherTenantsAlerts() {
        DeviceDetails deviceA = pairedDevice(merchant, "1.4.0");
        Merchant other = newMerchant("Other");
        DeviceDetails deviceB = pairedDevice(other, "1.4.0");
        Instant later = Instant.now().plus(Duration.ofMinutes(30));
        checker.checkTenant(merchant.tenant(), later);
        assertThat(openKinds(merchant, deviceA.id())).containsExactly(AlertKind.OFFLINE);

        // Checked at a time when A's device would count as online again: A's alert must stay as it is.
        checker.checkTenant(other.tenant(), Instant.now());
        checker.checkTenant(other.tenant(), later);
        assertThat(openKinds(merchant, deviceA.id())).containsExactly(AlertKind.OFFLINE);
        assertThat(openKinds(other, deviceB.id())).containsExactly(AlertKind.OFFLINE);
        assertThat(open(other)).extracting(DeviceAlert::deviceId).containsOnly(deviceB.id());
        assertThat(open(merchant)).extracting(DeviceAlert::deviceId).containsOnly(deviceA.id());
    }

    @Test
    void checkingAllTenantsUsesTheApplicationClock() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        heartbeat(merchant, device.id(), 5, false, "1.4.0");
        checker.checkAll();
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.BATTERY_LOW);
    }

    @Test
    void aRevokedDevicesAlertsClear() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        checker.checkTenant(merchant.tenant(), Instant.now().plus(Duration.ofHours(1)));
        assertThat(openKinds(merchant, device.id())).containsExactly(AlertKind.OFFLINE);
        TestUsers.run(merchant.admin(), () -> devices.revoke(device.id(), "Lost"));

        checker.checkTenant(merchant.tenant(), Instant.now().plus(Duration.ofHours(2)));
        assertThat(openKinds(merchant, device.id())).isEmpty();
    }

    @Test
    void storeManagersSeeAndAcknowledgeOnlyTheirStoresAlerts() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        checker.checkTenant(merchant.tenant(), Instant.now().plus(Duration.ofHours(1)));
        UUID alert = open(merchant).getFirst().id();
        TestUser ownManager =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        TestUser otherManager = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        TestUser cashier =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);

        assertThat(TestUsers.as(
                        otherManager,
                        () -> alerts.openAlerts(PageRequest.of(0, 10)).getContent()))
                .isEmpty();
        assertThat(TestUsers.as(otherManager, () -> alerts.countOpen())).isZero();
        assertThatThrownBy(() -> TestUsers.as(otherManager, () -> alerts.acknowledge(alert)))
                .isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> alerts.countOpen()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(TestUsers.as(ownManager, () -> alerts.countOpen())).isOne();
        DeviceAlert acknowledged = TestUsers.as(ownManager, () -> alerts.acknowledge(alert));
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(ownManager.username());
        assertThat(TestUsers.as(merchant.admin(), () -> alerts.acknowledge(alert))
                        .acknowledgedBy())
                .as("the first acknowledgement stays")
                .isEqualTo(ownManager.username());
        assertThat(TestUsers.as(merchant.admin(), () -> alerts.countOpen())).isZero();
        assertThat(open(merchant))
                .singleElement()
                .satisfies(a -> assertThat(a.acknowledged()).isTrue());
        assertThat(timeline(merchant, device.id())).contains("ALERT_ACKNOWLEDGED:OFFLINE");

        Merchant other = newMerchant("Stranger");
        assertThatThrownBy(() -> TestUsers.as(other.admin(), () -> alerts.acknowledge(alert)))
                .isInstanceOf(AlertNotFoundException.class);
    }

    @Test
    void onlyAMerchantAdminChangesTheThresholdsWithinTheirRange() {
        assertThat(TestUsers.as(merchant.admin(), () -> settings.current())).isEqualTo(AlertSettings.DEFAULTS);
        TestUser manager =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(manager, () -> settings.update(20, 20)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> settings.update(0, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts.settings.error.offlineAfter");
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> settings.update(1441, 20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> settings.update(20, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alerts.settings.error.batteryLow");

        AlertSettings saved = TestUsers.as(merchant.admin(), () -> settings.update(20, 25));
        assertThat(saved.offlineAfterMinutes()).isEqualTo(20);
        assertThat(saved.batteryLowPercent()).isEqualTo(25);
        assertThat(saved.updatedBy()).isEqualTo(merchant.admin().username());
        assertThat(TestUsers.as(manager, () -> settings.current()).offlineAfterMinutes())
                .isEqualTo(20);
        Merchant other = newMerchant("Defaults");
        assertThat(TestUsers.as(other.admin(), () -> settings.current())).isEqualTo(AlertSettings.DEFAULTS);
        // Raw SQL as the application role, in the other tenant's transaction: row-level security hides the row.
        Long seen = TenantContext.callAs(
                other.tenant(),
                () -> transaction.execute(
                        s -> jdbc.sql("select count(*) from device_alert_settings where tenant_id = ?")
                                .param(merchant.tenant())
                                .query(Long.class)
                                .single()));
        assertThat(seen).isZero();
        assertThat(jdbc.sql("select count(*) from pg_class where relname = 'device_alert_settings' "
                                + "and relrowsecurity and relforcerowsecurity")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void expiredAssertionIdsArePurgedAfterAnHourOfGrace() {
        DeviceDetails device = pairedDevice(merchant, "1.4.0");
        Instant now = Instant.now();
        platform.run("test: used assertions", () -> {
            for (var entry : Map.of(
                            "old",
                            now.minus(Duration.ofMinutes(61)),
                            "recent",
                            now.minus(Duration.ofMinutes(59)),
                            "live",
                            now.plus(Duration.ofMinutes(2)))
                    .entrySet()) {
                jdbc.sql("insert into device_assertion (tenant_id, device_id, jti, expires_at) values (?, ?, ?, ?)")
                        .params(merchant.tenant(), device.id(), entry.getKey(), Timestamp.from(entry.getValue()))
                        .update();
            }
        });
        assertions.purge(now);
        assertThat(platform.call(
                        "test: remaining assertions",
                        () -> jdbc.sql("select jti from device_assertion where tenant_id = ? order by jti")
                                .param(merchant.tenant())
                                .query(String.class)
                                .list()))
                .containsExactly("live", "recent");
    }
}
