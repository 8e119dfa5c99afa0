package id.lapak.device.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.device.DeviceChanges;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceFacts;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceService;
import id.lapak.device.DeviceStatus;
import id.lapak.device.pairing.Pairing;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestUsers;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second app node is simulated by a second state cache with its own listening connection and no shortcut from
 * this node: it learns of the revocation only through PostgreSQL NOTIFY, as another server would.
 */
@IntegrationTest
class RevocationAcrossNodesIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    Pairing pairing;

    @Autowired
    DeviceService devices;

    @Autowired
    DeviceRegistry registry;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeviceTokens tokens;

    @Autowired
    ProblemWriter problems;

    DeviceStateCache otherNode;

    @AfterEach
    void stopOtherNode() throws InterruptedException {
        if (otherNode != null) {
            otherNode.destroy();
        }
    }

    @Test
    void aDeviceRevokedOnOneNodeIsRefusedByTheOtherNodesCache() throws Exception {
        var merchant = TestMerchants.create(tenants, stores, "Nodes");
        UUID tenant = merchant.tenant();
        var admin = merchant.admin();
        var store = merchant.store();
        String code = TestUsers.as(admin, () -> codes.create(store.id(), "Node device"))
                .code();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        DeviceDetails device = pairing.redeem(
                code,
                generator.generateKeyPair().getPublic().getEncoded(),
                new DeviceFacts("P2", null, null, null, null, null),
                "127.0.0.1");

        otherNode = new DeviceStateCache(registry, dataSource, new DeviceChanges(jdbc));
        otherNode.afterPropertiesSet();
        Await.until(otherNode::isListening);
        var filterOnOtherNode = new DeviceAuthenticationFilter(tokens, otherNode, problems);
        String token = "Bearer " + tokens.issue(device.id(), tenant);
        assertThat(filterOnOtherNode.authenticate(token).deviceId()).isEqualTo(device.id());
        assertThat(otherNode.state(device.id()))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(DeviceStatus.ACTIVE));

        TestUsers.run(admin, () -> devices.revoke(device.id(), "Lost"));

        Await.until(() -> {
            try {
                filterOnOtherNode.authenticate(token);
                return false;
            } catch (DeviceAuthenticationException e) {
                return e.reason().equals("device_revoked");
            }
        });
    }
}
