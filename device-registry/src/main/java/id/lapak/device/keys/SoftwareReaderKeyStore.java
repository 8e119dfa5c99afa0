package id.lapak.device.keys;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesDukpt;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.tenant.TenantOffboarded;
import id.lapak.tenant.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BDKs generated in this process and stored only wrapped under the {@link MasterKey}. A BDK is unwrapped inside
 * one method, used for one derivation and wiped; nothing outside this class sees it. The default store
 * ({@code lapak.keys.store=software}).
 */
@Service
@ConditionalOnProperty(name = "lapak.keys.store", havingValue = "software", matchIfMissing = true)
class SoftwareReaderKeyStore implements ReaderKeyStore {

    private record Wrapped(int version, byte[] key) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BdkRows rows;
    private final MasterKey master;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, SecretKey> fingerprintKeys = new ConcurrentHashMap<>();
    /**
     * Wrapped BDK rows by tenant, algorithm and BDK ID, so a payment does not read its BDK row every time. Only the
     * wrapped form is kept (useless without the master key); rows never change once written, and a tenant's
     * entries go when the tenant is deleted.
     */
    private final ConcurrentHashMap<String, Wrapped> wrappedByBdkId = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_BDKS = 10_000;

    SoftwareReaderKeyStore(JdbcClient jdbc, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new BdkRows(jdbc);
        this.master = master;
        this.clock = clock;
    }

    @Override
    @Transactional
    public BdkVersion current(ReaderKeyAlgorithm algorithm, String actor) {
        UUID tenant = TenantContext.requireTenant();
        return newest(tenant, algorithm).orElseGet(() -> create(tenant, algorithm, 1, actor));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public BdkVersion rotate(ReaderKeyAlgorithm algorithm, String actor) {
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
        UUID tenant = TenantContext.requireTenant();
        byte[] wrapped = jdbc.sql(
                        "select wrapped_key from reader_bdk where tenant_id = ? and algorithm = ? and version = ?")
                .params(tenant, algorithm.name(), bdkVersion)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no " + algorithm + " BDK version " + bdkVersion));
        try (KeyBytes bdk = KeyBytes.wrap(master.unwrap(wrapped, associatedData(tenant, algorithm, bdkVersion)))) {
            return algorithm == ReaderKeyAlgorithm.AES128
                    ? AesDukpt.initialKey(bdk, initialKeyId)
                    : TdesDukpt.initialKey(bdk, TdesKsn.of(initialKeyId));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public KeyBytes deriveWorkingKey(AesKsn ksn, AesKeyUsage usage) {
        UUID tenant = TenantContext.requireTenant();
        Wrapped wrapped = byBdkId(tenant, ReaderKeyAlgorithm.AES128, Arrays.copyOf(ksn.initialKeyId(), 4));
        try (KeyBytes bdk = KeyBytes.wrap(
                master.unwrap(wrapped.key(), associatedData(tenant, ReaderKeyAlgorithm.AES128, wrapped.version())))) {
            return AesDukpt.workingKeyFromBdk(bdk, ksn, usage, AesKeyType.AES128);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public KeyBytes deriveWorkingKey(TdesKsn ksn, TdesKeyUsage usage) {
        UUID tenant = TenantContext.requireTenant();
        Wrapped wrapped = byBdkId(tenant, ReaderKeyAlgorithm.TDES, Arrays.copyOf(ksn.toByteArray(), 4));
        try (KeyBytes bdk = KeyBytes.wrap(
                master.unwrap(wrapped.key(), associatedData(tenant, ReaderKeyAlgorithm.TDES, wrapped.version())))) {
            return TdesDukpt.workingKeyFromBdk(bdk, ksn, usage);
        }
    }

    @Override
    public byte[] cardFingerprint(byte[] pan) {
        UUID tenant = TenantContext.requireTenant();
        return CardFingerprintKeys.hmac(fingerprintKeys.computeIfAbsent(tenant, this::fingerprintKey), pan);
    }

    /** The tenant's fingerprint key, derived from the master key; kept in memory for the hot path. */
    private SecretKey fingerprintKey(UUID tenant) {
        byte[] clear = master.derive("card fingerprint|" + tenant);
        try {
            return new SecretKeySpec(clear, "HmacSHA256");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** What binds a wrapped BDK to its row: tenant, algorithm and version. */
    static byte[] associatedData(UUID tenant, ReaderKeyAlgorithm algorithm, int version) {
        return ("lapak reader bdk|" + tenant + "|" + algorithm + "|" + version).getBytes(StandardCharsets.US_ASCII);
    }

    private Wrapped byBdkId(UUID tenant, ReaderKeyAlgorithm algorithm, byte[] bdkId) {
        String cacheKey = tenant + "|" + algorithm + "|" + Hex.encode(bdkId);
        Wrapped cached = wrappedByBdkId.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Wrapped wrapped = jdbc.sql(
                        "select version, wrapped_key from reader_bdk where tenant_id = ? and algorithm = ? and bdk_id = ?")
                .params(tenant, algorithm.name(), bdkId)
                .query((rs, n) -> new Wrapped(rs.getInt(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(
                        () -> new IllegalArgumentException("the KSN names no " + algorithm + " BDK of this tenant"));
        if (wrappedByBdkId.size() >= MAX_CACHED_BDKS) {
            wrappedByBdkId.clear();
        }
        wrappedByBdkId.put(cacheKey, wrapped);
        return wrapped;
    }

    /** A deleted tenant's BDK rows are gone: so are they here. */
    @EventListener
    void forget(TenantOffboarded offboarded) {
        String prefix = offboarded.tenantId() + "|";
        wrappedByBdkId.keySet().removeIf(key -> key.startsWith(prefix));
        fingerprintKeys.remove(offboarded.tenantId());
    }

    private Optional<BdkVersion> newest(UUID tenant, ReaderKeyAlgorithm algorithm) {
        return rows.newest(tenant, algorithm);
    }

    /**
     * Generates, wraps and stores a BDK version with its counter. Two nodes creating the same version at once: the
     * first insert wins, the other's key is dropped unused and the stored version is answered.
     */
    private BdkVersion create(UUID tenant, ReaderKeyAlgorithm algorithm, int version, String actor) {
        byte[] bdkId = InitialKeyIds.bdkId(tenant, algorithm, version);
        byte[] wrapped;
        String kcv;
        try (KeyBytes bdk = KeyBytes.wrap(generate(algorithm))) {
            kcv = Hex.encode(algorithm == ReaderKeyAlgorithm.AES128 ? Kcv.aes(bdk) : Kcv.tdes(bdk));
            byte[] clear = bdk.toByteArray();
            try {
                wrapped = master.wrap(clear, associatedData(tenant, algorithm, version));
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        }
        jdbc.sql("""
                        insert into reader_bdk (tenant_id, algorithm, version, bdk_id, master_key_alias, wrapped_key, kcv,
                                                created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        tenant,
                        algorithm.name(),
                        version,
                        bdkId,
                        master.alias(),
                        wrapped,
                        kcv,
                        Timestamp.from(Instant.now(clock)),
                        actor)
                .update();
        jdbc.sql("""
                        insert into reader_key_counter (tenant_id, algorithm, bdk_version) values (?, ?, ?)
                        on conflict do nothing""").params(tenant, algorithm.name(), version).update();
        return newest(tenant, algorithm)
                .filter(v -> v.version() == version)
                .orElseThrow(
                        () -> new IllegalStateException(algorithm + " BDK version " + version + " was not stored"));
    }

    /** AES-128: 16 random bytes. TDES: a double-length key, 16 random bytes with odd parity. */
    private static byte[] generate(ReaderKeyAlgorithm algorithm) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        if (algorithm == ReaderKeyAlgorithm.TDES) {
            for (int i = 0; i < key.length; i++) {
                int b = key[i] & 0xFE;
                key[i] = (byte) (Integer.bitCount(b) % 2 == 0 ? b | 1 : b);
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return "SoftwareReaderKeyStore";
    }
}
