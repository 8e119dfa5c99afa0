package id.lapak.device.keys;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.tenant.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BDKs generated inside a PKCS#11 token ({@code lapak.keys.store=pkcs11}) as sensitive, non-extractable token
 * objects labelled {@code lapak-bdk-<tenant>-<algorithm>-v<version>}. The database row holds only that label and
 * the check value the token computed; derivations run as AES-ECB encryptions inside the token.
 *
 * <p>Only AES-128 DUKPT is served. A TDES initial key needs the BDK XOR {@code C0C0C0C000000000C0C0C0C000000000}
 * as a second key, which a token can only make with {@code CKM_XOR_BASE_AND_DATA} key derivation; SunPKCS11 does
 * not offer it, so TDES requests fail with {@code algorithm_unsupported} (docs/decisions/0010-reader-key-store.md).
 */
@Service
@ConditionalOnProperty(name = "lapak.keys.store", havingValue = "pkcs11")
class Pkcs11ReaderKeyStore implements ReaderKeyStore {

    private final JdbcClient jdbc;
    private final BdkRows rows;
    private final Pkcs11Token token;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, SecretKey> fingerprintKeys = new ConcurrentHashMap<>();

    @Autowired
    Pkcs11ReaderKeyStore(
            JdbcClient jdbc,
            Clock clock,
            @Value("${lapak.keys.pkcs11.library:/usr/lib/softhsm/libsofthsm2.so}") String library,
            @Value("${lapak.keys.pkcs11.slot}") long slot,
            @Value("${lapak.keys.pkcs11.pin}") String pin) {
        this(jdbc, clock, Pkcs11Token.open(library, slot, pin));
    }

    Pkcs11ReaderKeyStore(JdbcClient jdbc, Clock clock, Pkcs11Token token) {
        this.jdbc = jdbc;
        this.rows = new BdkRows(jdbc);
        this.clock = clock;
        this.token = token;
    }

    /** The label of a tenant's BDK version in the token. */
    static String label(UUID tenant, ReaderKeyAlgorithm algorithm, int version) {
        return "lapak-bdk-" + tenant + "-" + algorithm + "-v" + version;
    }

    @Override
    @Transactional
    public BdkVersion current(ReaderKeyAlgorithm algorithm, String actor) {
        requireAes(algorithm);
        UUID tenant = TenantContext.requireTenant();
        return newest(tenant, algorithm).orElseGet(() -> create(tenant, algorithm, 1, actor));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public BdkVersion rotate(ReaderKeyAlgorithm algorithm, String actor) {
        requireAes(algorithm);
        UUID tenant = TenantContext.requireTenant();
        int next = newest(tenant, algorithm).map(v -> v.version() + 1).orElse(1);
        return create(tenant, algorithm, next, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<BdkVersion> versions(ReaderKeyAlgorithm algorithm) {
        return rows.all(TenantContext.requireTenant(), algorithm);
    }

    @Override
    @Transactional(readOnly = true)
    public KeyBytes initialKey(ReaderKeyAlgorithm algorithm, int bdkVersion, byte[] initialKeyId) {
        requireAes(algorithm);
        UUID tenant = TenantContext.requireTenant();
        String label = jdbc.sql("""
                        select token_label from reader_bdk where tenant_id = ? and algorithm = ? and version = ?""")
                .params(tenant, algorithm.name(), bdkVersion)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no " + algorithm + " BDK version " + bdkVersion + " in the token"));
        return token.aesInitialKey(token.key(label), initialKeyId);
    }

    @Override
    @Transactional(readOnly = true)
    public KeyBytes deriveWorkingKey(AesKsn ksn, AesKeyUsage usage) {
        UUID tenant = TenantContext.requireTenant();
        byte[] bdkId = Arrays.copyOf(ksn.initialKeyId(), InitialKeyIds.BDK_ID_LENGTH);
        String label = jdbc.sql("""
                        select token_label from reader_bdk where tenant_id = ? and algorithm = ? and bdk_id = ?""")
                .params(tenant, ReaderKeyAlgorithm.AES128.name(), bdkId)
                .query(String.class)
                .optional()
                .filter(l -> l != null)
                .orElseThrow(() ->
                        new IllegalArgumentException("the KSN names no AES128 BDK of this tenant in the " + "token"));
        return token.aesWorkingKey(token.key(label), ksn, usage);
    }

    @Override
    public KeyBytes deriveWorkingKey(TdesKsn ksn, TdesKeyUsage usage) {
        requireAes(ReaderKeyAlgorithm.TDES);
        throw new AssertionError();
    }

    private static void requireAes(ReaderKeyAlgorithm algorithm) {
        if (algorithm != ReaderKeyAlgorithm.AES128) {
            throw new ReaderKeyException(
                    "algorithm_unsupported",
                    "TDES DUKPT is not available with the PKCS#11 key "
                            + "store: its initial key needs a variant of the BDK the token cannot derive");
        }
    }

    private Optional<BdkVersion> newest(UUID tenant, ReaderKeyAlgorithm algorithm) {
        return rows.newest(tenant, algorithm);
    }

    /**
     * Generates the BDK in the token and records its label and check value. A leftover key under the label (an
     * earlier attempt whose row was rolled back) is reused: it never left the token.
     */
    private BdkVersion create(UUID tenant, ReaderKeyAlgorithm algorithm, int version, String actor) {
        byte[] bdkId = InitialKeyIds.bdkId(tenant, algorithm, version);
        String label = label(tenant, algorithm, version);
        SecretKey key = token.generateAesIfAbsent(label);
        String kcv = Hex.encode(token.aesCmacKcv(key));
        jdbc.sql("""
                        insert into reader_bdk (tenant_id, algorithm, version, bdk_id, master_key_alias, wrapped_key, kcv,
                                                created_at, created_by, token_label)
                        values (?, ?, ?, ?, ?, null, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        tenant,
                        algorithm.name(),
                        version,
                        bdkId,
                        "pkcs11:" + Pkcs11Token.PROVIDER_NAME,
                        kcv,
                        Timestamp.from(Instant.now(clock)),
                        actor,
                        label)
                .update();
        jdbc.sql("""
                        insert into reader_key_counter (tenant_id, algorithm, bdk_version) values (?, ?, ?)
                        on conflict do nothing""").params(tenant, algorithm.name(), version).update();
        return newest(tenant, algorithm)
                .filter(v -> v.version() == version)
                .orElseThrow(
                        () -> new IllegalStateException(algorithm + " BDK version " + version + " was not stored"));
    }

    @Override
    public byte[] cardFingerprint(byte[] pan) {
        UUID tenant = TenantContext.requireTenant();
        return CardFingerprintKeys.hmac(fingerprintKeys.computeIfAbsent(tenant, this::fingerprintKey), pan);
    }

    /**
     * The tenant's fingerprint key: two blocks encrypted under an AES key generated in the token for that purpose
     * (label {@code lapak-card-fingerprint-<tenant>}), so it is the same on every node sharing the token.
     */
    private SecretKey fingerprintKey(UUID tenant) {
        SecretKey base = token.generateAesIfAbsent("lapak-card-fingerprint-" + tenant);
        byte[] blocks = new byte[32];
        byte[] label = "lapak card fingerprint key".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(label, 0, blocks, 0, label.length);
        blocks[31] = 1;
        byte[] clear = token.aesEncrypt(base, blocks);
        try {
            return new SecretKeySpec(clear, "HmacSHA256");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11ReaderKeyStore";
    }
}
