package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.Heartbeat;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestUsers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The command-line device's client against the running application: the whole device life over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class SimulatorIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    DeviceService devices;

    @Test
    void theSimulatorPairsAuthenticatesPullsConfigurationAndReportsHealth() throws Exception {
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, "Sim");
        UUID tenant = merchant.tenant();
        var admin = merchant.admin();
        var store = merchant.store();
        String code =
                TestUsers.as(admin, () -> codes.create(store.id(), "Kasir Sim")).displayCode();

        Path home = Files.createTempDirectory("lapak-device");
        DeviceClient device = new DeviceClient(URI.create("http://localhost:" + port), new DeviceHome(home));
        var paired = device.pair(code, new DeviceFacts("Sunmi V2", "SN-9", "Android 14", "1.2.0", "R1", "RD-9"));
        assertThat(paired.tenantId()).isEqualTo(tenant);

        var first = device.config();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).contains("Sim Pusat");
        assertThat(device.config().notModified()).isTrue();

        var beat = device.heartbeat(Heartbeat.typical("1.2.0"));
        assertThat(beat.configVersion()).isEqualTo(first.version());
        assertThat(TestUsers.as(admin, () -> devices.get(paired.deviceId())).batteryPercent())
                .isEqualTo(80);

        TestUsers.run(admin, () -> devices.revoke(paired.deviceId(), "Lost on a bus"));
        assertThatThrownBy(device::config)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.reason()).isEqualTo("device_revoked"));
    }
}
