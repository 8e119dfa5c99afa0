package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.RawResponse;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application started with {@code lapak.keys.store=pkcs11} on a SoftHSM2 token: devices get AES reader
 * keys whose BDK lives in the token, and TDES requests are refused with a problem naming the reason.
 * Skipped when SoftHSM2 is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class Pkcs11ModeApplicationIntegrationTest {

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
    ReaderKeyStore keyStore;

    @BeforeAll
    static void softHsmInstalled() {
        assumeTrue(
                Files.isRegularFile(SoftHsmToken.LIBRARY),
                "SoftHSM2 is not installed (" + SoftHsmToken.LIBRARY
                        + " is missing): the application is not started in PKCS#11 mode");
    }

    @DynamicPropertySource
    static void pkcs11(DynamicPropertyRegistry registry) {
        registry.add("lapak.keys.store", () -> "pkcs11");
        registry.add("lapak.keys.pkcs11.library", SoftHsmToken.LIBRARY::toString);
        registry.add("lapak.keys.pkcs11.slot", SoftHsmToken::slot);
        registry.add("lapak.keys.pkcs11.pin", () -> SoftHsmToken.PIN);
    }

    @Test
    void aPairedDeviceGetsAnAesKeyFromTheTokenAndBothSidesDeriveTheSameDataKey() throws Exception {
        assertThat(keyStore).isInstanceOf(Pkcs11ReaderKeyStore.class);
        Tenant tenant = newTenant();
        DeviceClient device = pairedDevice(tenant);
        var key = device.requestReaderKey("RD-P1", "AES128");
        assertThat(key.algorithm()).isEqualTo("AES128");
        assertThat(key.initialKeyId()).hasSize(16);

        var working = device.dataEncryptionKey(3);
        try (KeyBytes server = TenantContext.callAs(
                tenant.id(),
                () -> keyStore.deriveWorkingKey(AesKsn.fromHex(working.ksn()), AesKeyUsage.DATA_ENCRYPT))) {
            assertThat(server.toHex()).isEqualTo(working.key().toHex());
        }
    }

    @Test
    void aTdesRequestIsRefusedWithAClearProblem() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient device = pairedDevice(tenant);
        RawResponse raw = device.send(
                "POST",
                DeviceClient.READER_KEYS,
                "{\"readerSerial\":\"RD-P2\",\"algorithm\":\"TDES\"}",
                device.accessToken(),
                Map.of());
        assertThat(raw.status()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(raw.body());
        assertThat(problem.path("reason").asString()).isEqualTo("algorithm_unsupported");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    private Tenant newTenant() throws Exception {
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, "Keys");
        return new Tenant(merchant.tenant(), merchant.admin(), merchant.store().id());
    }

    private DeviceClient pairedDevice(Tenant tenant) throws Exception {
        return id.lapak.testing.TestMerchants.pairSimulator(codes, tenant.admin(), tenant.storeId(), port);
    }
}
