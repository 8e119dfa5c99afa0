package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.cardcrypto.tr31.InvalidKeyBlockException;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reader key delivery end to end: a simulated device gets its reader's key and derives what the server derives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class ReaderKeyIntegrationTest {

    @Autowired
    TenantSeal seal;

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

    @Autowired
    MasterKey masterKey;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anAesKeyOpensOnTheDeviceAndBothSidesDeriveTheSameDataKey() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient device = pairedDevice(tenant);
        var key = device.requestReaderKey("RD-A1", "AES128");
        assertThat(key.initialKeyId()).hasSize(16);

        var working = device.dataEncryptionKey(1);
        try (KeyBytes server = TenantContext.callAs(
                tenant.id(),
                () -> keyStore.deriveWorkingKey(AesKsn.fromHex(working.ksn()), AesKeyUsage.DATA_ENCRYPT))) {
            assertThat(server.toHex()).isEqualTo(working.key().toHex());
        }
        assertThat(device.config().json())
                .contains("\"status\":\"INJECTED\"")
                .contains(key.initialKeyId())
                .contains("\"algorithm\":\"AES128\"");

        // The stored BDK is only wrapped: its clear bytes appear nowhere in the table.
        byte[] clear = clearBdk(tenant.id(), ReaderKeyAlgorithm.AES128, 1);
        try (KeyBytes bdk = KeyBytes.copyOf(clear);
                KeyBytes initial = AesDukpt.initialKey(bdk, Hex.decode(key.initialKeyId(), "IK"))) {
            assertThat(initial.toHex()).isEqualTo(key.initialKey());
        }
        assertNoClearKeyIn(clear);
    }

    @Test
    void aTdesKeyOpensOnTheDeviceAndBothSidesDeriveTheSameDataKey() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient device = pairedDevice(tenant);
        var key = device.requestReaderKey("RD-T1", "TDES");
        assertThat(key.initialKeyId()).hasSize(20);

        var working = device.dataEncryptionKey(1);
        try (KeyBytes server = TenantContext.callAs(
                tenant.id(),
                () -> keyStore.deriveWorkingKey(TdesKsn.fromHex(working.ksn()), TdesKeyUsage.DATA_REQUEST))) {
            assertThat(server.toHex()).isEqualTo(working.key().toHex());
        }
        assertNoClearKeyIn(clearBdk(tenant.id(), ReaderKeyAlgorithm.TDES, 1));
    }

    @Test
    void afterRotationNewReadersGetTheNewBdkAndOldReadersKeepWorking() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient old = pairedDevice(tenant);
        var oldKey = old.requestReaderKey("RD-O1", "AES128");
        var rotated = TestUsers.as(tenant.admin(), () -> keyStore.rotate(ReaderKeyAlgorithm.AES128, "test admin"));
        assertThat(rotated.version()).isEqualTo(2);

        var newKey = pairedDevice(tenant).requestReaderKey("RD-N1", "AES128");
        assertThat(newKey.bdkVersion()).isEqualTo(2);
        assertThat(newKey.initialKeyId()).startsWith(rotated.bdkId());
        assertThat(oldKey.initialKeyId()).doesNotStartWith(rotated.bdkId());

        var working = old.dataEncryptionKey(5);
        try (KeyBytes server = TenantContext.callAs(
                tenant.id(),
                () -> keyStore.deriveWorkingKey(AesKsn.fromHex(working.ksn()), AesKeyUsage.DATA_ENCRYPT))) {
            assertThat(server.toHex()).isEqualTo(working.key().toHex());
        }
    }

    @Test
    void aTamperedKeyBlockIsRefusedByTheDevice() throws Exception {
        Tenant tenant = newTenant();
        DeviceClient device = pairedDevice(tenant);
        var raw = device.send(
                "POST",
                DeviceClient.READER_KEYS,
                "{\"readerSerial\":\"RD-X\",\"algorithm\":\"AES128\"}",
                device.accessToken(),
                java.util.Map.of());
        assertThat(raw.status()).isEqualTo(200);
        ObjectNode answer = (ObjectNode) JsonMapper.builder().build().readTree(raw.body());
        assertThat(device.openReaderKey(answer.toString(), "RD-X").initialKeyId())
                .isNotBlank();

        String block = answer.get("keyBlock").asString();
        int at = block.length() - 40;
        char flipped = block.charAt(at) == '0' ? '1' : '0';
        answer.put("keyBlock", block.substring(0, at) + flipped + block.substring(at + 1));
        assertThatThrownBy(() -> device.openReaderKey(answer.toString(), "RD-X"))
                .isInstanceOf(InvalidKeyBlockException.class);
    }

    @Test
    void noTwoDevicesGetTheSameInitialKeyIdEvenAtOnce() throws Exception {
        Tenant tenant = newTenant();
        List<DeviceClient> fleet = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DeviceClient device = pairedDevice(tenant);
            device.accessToken();
            fleet.add(device);
        }
        var pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < fleet.size(); i++) {
                DeviceClient device = fleet.get(i);
                String serial = "RD-C" + i;
                work.add(() -> device.requestReaderKey(serial, "AES128").initialKeyId());
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(work)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        long rows = platform.call(
                "test: count reader keys",
                () -> jdbc.sql("select count(distinct initial_key_id) from reader_key where tenant_id = ?")
                        .param(tenant.id())
                        .query(Long.class)
                        .single());
        assertThat(rows).isEqualTo(20);
    }

    @Test
    void anotherTenantCannotSeeReaderKeyRowsThroughRawSql() throws Exception {
        Tenant a = newTenant();
        Tenant b = newTenant();
        pairedDevice(a).requestReaderKey("RD-R1", "AES128");
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            seal.apply(c, b.id());
            for (String table : List.of("reader_bdk", "reader_key", "reader_key_counter")) {
                try (PreparedStatement ps =
                        c.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
                    ps.setObject(1, a.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
            c.rollback();
        }
    }

    /**
     * Key material never reaches a log or a text column: everything logged while devices are keyed for AES and
     * TDES, working keys are derived and the BDKs rotated is captured (our own code at TRACE) and searched for the
     * clear BDKs, the initial keys and the working keys, in hex of either case and in base64.
     */
    @Test
    void noKeyMaterialIsLoggedOrStoredInTheClear() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("id.lapak");
        Level oursBefore = ours.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
        ours.setLevel(Level.TRACE);
        List<byte[]> secrets = new ArrayList<>();
        Tenant tenant;
        try {
            tenant = newTenant();
            DeviceClient aes = pairedDevice(tenant);
            var aesKey = aes.requestReaderKey("RD-L1", "AES128");
            secrets.add(Hex.decode(aesKey.initialKey(), "initial key"));
            var aesWorking = aes.dataEncryptionKey(7);
            secrets.add(aesWorking.key().toByteArray());
            for (AesKeyUsage usage :
                    List.of(AesKeyUsage.DATA_ENCRYPT, AesKeyUsage.PIN_ENCRYPTION, AesKeyUsage.MAC_GENERATION)) {
                try (KeyBytes server = TenantContext.callAs(
                        tenant.id(), () -> keyStore.deriveWorkingKey(AesKsn.fromHex(aesWorking.ksn()), usage))) {
                    secrets.add(server.toByteArray());
                }
            }

            DeviceClient tdes = pairedDevice(tenant);
            var tdesKey = tdes.requestReaderKey("RD-L2", "TDES");
            secrets.add(Hex.decode(tdesKey.initialKey(), "initial key"));
            var tdesWorking = tdes.dataEncryptionKey(7);
            secrets.add(tdesWorking.key().toByteArray());
            for (TdesKeyUsage usage : TdesKeyUsage.values()) {
                try (KeyBytes server = TenantContext.callAs(
                        tenant.id(), () -> keyStore.deriveWorkingKey(TdesKsn.fromHex(tdesWorking.ksn()), usage))) {
                    secrets.add(server.toByteArray());
                }
            }

            for (ReaderKeyAlgorithm algorithm : ReaderKeyAlgorithm.values()) {
                TestUsers.as(tenant.admin(), () -> keyStore.rotate(algorithm, "test admin"));
            }
            var rekeyed = aes.requestReaderKey("RD-L1", "AES128");
            assertThat(rekeyed.bdkVersion()).isEqualTo(2);
            secrets.add(Hex.decode(rekeyed.initialKey(), "initial key"));
        } finally {
            ours.setLevel(oursBefore);
            root.detachAppender(captured);
            captured.stop();
        }
        for (ReaderKeyAlgorithm algorithm : ReaderKeyAlgorithm.values()) {
            for (int version = 1; version <= 2; version++) {
                secrets.add(clearBdk(tenant.id(), algorithm, version));
            }
        }

        List<String> logged = captured.list.stream()
                .map(ReaderKeyIntegrationTest::everythingIn)
                .toList();
        assertThat(logged).as("something was captured").isNotEmpty();
        for (byte[] secret : secrets) {
            for (String form : forms(secret)) {
                assertThat(logged).noneMatch(line -> line.contains(form));
            }
        }
        assertNotInKeyTables(secrets);
        secrets.forEach(secret -> Arrays.fill(secret, (byte) 0));
    }

    private static String everythingIn(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        text.append('\n').append(event.getMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append('\n')
                        .append(argument instanceof byte[] bytes ? Hex.encode(bytes) : String.valueOf(argument));
            }
        }
        text.append('\n').append(event.getMDCPropertyMap());
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    /** A key as it could show in text: hex in both cases, base64 and base64url (without the padding). */
    private static List<String> forms(byte[] secret) {
        String hex = Hex.encode(secret);
        return List.of(
                hex.toUpperCase(Locale.ROOT),
                hex.toLowerCase(Locale.ROOT),
                Base64.getEncoder().withoutPadding().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Every row of the key tables as text (bytea shows as hex), searched for each secret in each form. */
    private void assertNotInKeyTables(List<byte[]> secrets) {
        for (String table : List.of("reader_bdk", "reader_key")) {
            List<String> rows = platform.call(
                    "test: scan " + table + " as text",
                    () -> jdbc.sql("select r::text from " + table + " r")
                            .query(String.class)
                            .list());
            assertThat(rows).as(table).isNotEmpty();
            for (byte[] secret : secrets) {
                for (String form : forms(secret)) {
                    assertThat(rows).as(table).noneMatch(row -> row.contains(form));
                }
            }
        }
    }

    @Test
    void thePkcs11StoreKeepsOnlyALabelInTheDatabaseAndDerivesFromTheTokenKey() throws Exception {
        Pkcs11Token token = SoftHsmToken.get();
        Tenant tenant = newTenant();
        Pkcs11ReaderKeyStore store = new Pkcs11ReaderKeyStore(jdbc, Clock.systemUTC(), token);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        BdkVersion v1 = TenantContext.callAs(
                tenant.id(), () -> tx.execute(s -> store.current(ReaderKeyAlgorithm.AES128, "test")));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(TenantContext.callAs(
                                tenant.id(), () -> tx.execute(s -> store.current(ReaderKeyAlgorithm.AES128, "test")))
                        .kcv())
                .isEqualTo(v1.kcv());
        BdkVersion v2 = TenantContext.callAs(
                tenant.id(), () -> tx.execute(s -> store.rotate(ReaderKeyAlgorithm.AES128, "test admin")));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.kcv()).hasSize(10).isNotEqualTo(v1.kcv());

        List<String> rows = platform.call(
                "test: read the BDK rows",
                () -> jdbc.sql("""
                        select token_label || '|' || (wrapped_key is null) from reader_bdk
                        where tenant_id = ? order by version""").param(tenant.id()).query(String.class).list());
        assertThat(rows)
                .containsExactly(
                        Pkcs11ReaderKeyStore.label(tenant.id(), ReaderKeyAlgorithm.AES128, 1) + "|true",
                        Pkcs11ReaderKeyStore.label(tenant.id(), ReaderKeyAlgorithm.AES128, 2) + "|true");
        assertThat(token.key(Pkcs11ReaderKeyStore.label(tenant.id(), ReaderKeyAlgorithm.AES128, 2))
                        .getEncoded())
                .isNull();

        byte[] initialKeyId = InitialKeyIds.of(ReaderKeyAlgorithm.AES128, Hex.decode(v2.bdkId(), "BDK ID"), 7);
        AesKsn ksn = AesKsn.of(initialKeyId, 5);
        try (KeyBytes initial = TenantContext.callAs(
                        tenant.id(),
                        () -> tx.execute(s -> store.initialKey(ReaderKeyAlgorithm.AES128, 2, initialKeyId)));
                KeyBytes working = TenantContext.callAs(
                        tenant.id(), () -> tx.execute(s -> store.deriveWorkingKey(ksn, AesKeyUsage.DATA_ENCRYPT)));
                KeyBytes expected = AesDukpt.workingKey(
                        initial, ksn, AesKeyUsage.DATA_ENCRYPT, id.lapak.cardcrypto.dukpt.AesKeyType.AES128)) {
            assertThat(working.toHex()).isEqualTo(expected.toHex());
        }
    }

    private byte[] clearBdk(UUID tenant, ReaderKeyAlgorithm algorithm, int version) {
        byte[] wrapped = platform.call(
                "test: read a wrapped BDK",
                () -> jdbc.sql(
                                "select wrapped_key from reader_bdk where tenant_id = ? and algorithm = ? and version = ?")
                        .params(tenant, algorithm.name(), version)
                        .query(byte[].class)
                        .single());
        byte[] clear = masterKey.unwrap(wrapped, SoftwareReaderKeyStore.associatedData(tenant, algorithm, version));
        assertThat(wrapped).isNotEqualTo(clear);
        return clear;
    }

    private void assertNoClearKeyIn(byte[] clear) {
        List<byte[]> stored = platform.call(
                "test: scan reader_bdk",
                () -> jdbc.sql("select wrapped_key from reader_bdk where wrapped_key is not null")
                        .query(byte[].class)
                        .list());
        String clearHex = Hex.encode(clear);
        for (byte[] row : stored) {
            assertThat(Hex.encode(row)).doesNotContain(clearHex);
        }
        assertNotInKeyTables(List.of(clear));
        Arrays.fill(clear, (byte) 0);
    }

    private Tenant newTenant() throws Exception {
        var merchant = id.lapak.testing.TestMerchants.create(tenants, stores, "Keys");
        return new Tenant(merchant.tenant(), merchant.admin(), merchant.store().id());
    }

    private DeviceClient pairedDevice(Tenant tenant) throws Exception {
        return id.lapak.testing.TestMerchants.pairSimulator(codes, tenant.admin(), tenant.storeId(), port);
    }
}
