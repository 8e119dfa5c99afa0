package id.lapak.device.keys;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Hkdf;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.tr31.KeyBlockHeader;
import id.lapak.cardcrypto.tr31.KeyBlocks;
import id.lapak.cardcrypto.tr31.OptionalBlock;
import id.lapak.device.DeviceChanges;
import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.DeviceTimeline;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyAgreement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a reader's DUKPT initial key to its device. The initial key ID comes from the per-BDK counter, taken
 * with one atomic update, and the unique keys of {@code reader_key} refuse any reuse. The key travels in a TR-31
 * block under a key block protection key from ECDH between a one-time server key and the device's registered key,
 * through HKDF-SHA256 (docs/device-api.md, "Reader keys").
 */
@Service
public class ReaderKeyService {

    /** HKDF {@code info} starts with this, followed by the device id and the delivery id (lowercase UUIDs). */
    public static final String KDF_LABEL = "lapak tr31 kbpk";

    static final int SALT_LENGTH = 32;
    static final int KBPK_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Records one delivered initial key (never the key itself). */
    private static final String INSERT_READER_KEY = """
            insert into reader_key (tenant_id, id, device_id, reader_serial, algorithm, bdk_version,
                                    device_number, initial_key_id, kcv, delivery_id, injected_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final ReaderKeyStore keys;
    private final JdbcClient jdbc;
    private final DeviceTimeline timeline;
    private final DeviceChanges changes;
    private final Clock clock;
    private final AuditLog audit;

    ReaderKeyService(
            ReaderKeyStore keys,
            JdbcClient jdbc,
            DeviceTimeline timeline,
            DeviceChanges changes,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.keys = keys;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.changes = changes;
        this.clock = clock;
    }

    /** A new initial key for the authenticated device's reader, under the newest BDK of the algorithm. */
    @Transactional
    @PreAuthorize("hasRole('DEVICE')")
    public ReaderKeyDelivery deliver(UUID deviceId, String readerSerial, ReaderKeyAlgorithm algorithm) {
        UUID tenant = TenantContext.requireTenant();
        requireSerial(readerSerial);
        byte[] devicePublicKey = devicePublicKey(tenant, deviceId);
        String actor = "device " + deviceId;
        boolean firstBdk = keys.versions(algorithm).isEmpty();
        BdkVersion bdk = keys.current(algorithm, actor);
        AuditActor device = AuditActor.device(tenant, deviceId, actor);
        if (firstBdk) {
            device.runAs(() ->
                    audit.record(AuditEvent.of("reader_key.bdk_created", "ReaderBdk", algorithm + " v" + bdk.version())
                            .detail("kcv", bdk.kcv())
                            .detail("cause", "first reader key")));
        }
        long number = nextDeviceNumber(tenant, algorithm, bdk);
        byte[] initialKeyId = InitialKeyIds.of(algorithm, Hex.decode(bdk.bdkId(), "BDK ID"), number);
        UUID deliveryId = UUID.randomUUID();
        Instant now = Instant.now(clock);

        KeyPair server = ephemeralKeyPair();
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        WrappedKey wrapped = wrap(algorithm, bdk, initialKeyId, server, devicePublicKey, salt, deviceId, deliveryId);
        String block = wrapped.block();
        String kcv = wrapped.kcv();

        jdbc.sql(INSERT_READER_KEY)
                .params(
                        tenant,
                        UUID.randomUUID(),
                        deviceId,
                        readerSerial,
                        algorithm.name(),
                        bdk.version(),
                        number,
                        Hex.encode(initialKeyId),
                        kcv,
                        deliveryId,
                        Timestamp.from(now))
                .update();
        recordInjection(device, deviceId, readerSerial, algorithm, bdk, initialKeyId, deliveryId, kcv);
        changes.deviceChanged(deviceId);
        return new ReaderKeyDelivery(
                deliveryId,
                algorithm,
                bdk.version(),
                Hex.encode(initialKeyId),
                kcv,
                block,
                Base64.getEncoder().encodeToString(server.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(salt),
                now);
    }

    /** Refuses a reader serial that is not 1 to 64 printable ASCII characters. */
    private static void requireSerial(String readerSerial) {
        if (readerSerial == null
                || readerSerial.isBlank()
                || readerSerial.length() > 64
                || !readerSerial.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new ReaderKeyException("reader_serial_invalid", "readerSerial is 1 to 64 printable characters");
        }
    }

    /** The device's registered public key; the device must be the tenant's. */
    private byte[] devicePublicKey(UUID tenant, UUID deviceId) {
        return jdbc.sql("select public_key from device where tenant_id = ? and id = ?")
                .params(tenant, deviceId)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new DeviceNotFoundException(deviceId));
    }

    /** A TR-31 key block and the key check value of one reader's initial key. */
    private record WrappedKey(String block, String kcv) {}

    /** The reader's initial key, derived under the BDK, in a TR-31 block under the key agreed with the device. */
    private WrappedKey wrap(
            ReaderKeyAlgorithm algorithm,
            BdkVersion bdk,
            byte[] initialKeyId,
            KeyPair server,
            byte[] devicePublicKey,
            byte[] salt,
            UUID deviceId,
            UUID deliveryId) {
        try (KeyBytes kbpk = protectionKey(server, devicePublicKey, salt, deviceId, deliveryId);
                KeyBytes initialKey = keys.initialKey(algorithm, bdk.version(), initialKeyId)) {
            String kcv =
                    Hex.encode(algorithm == ReaderKeyAlgorithm.AES128 ? Kcv.aes(initialKey) : Kcv.tdes(initialKey));
            KeyBlockHeader header = KeyBlockHeader.of("B1", algorithm.keyBlockAlgorithm(), 'X')
                    .withExportability('N')
                    .withOptionalBlock(
                            algorithm == ReaderKeyAlgorithm.AES128
                                    ? OptionalBlock.INITIAL_KEY_ID
                                    : OptionalBlock.KEY_SET_ID,
                            Hex.encode(initialKeyId));
            return new WrappedKey(KeyBlocks.wrap(kbpk, header, initialKey), kcv);
        }
    }

    /** The injection in the device's timeline and, as the device, in the audit log. */
    private void recordInjection(
            AuditActor device,
            UUID deviceId,
            String readerSerial,
            ReaderKeyAlgorithm algorithm,
            BdkVersion bdk,
            byte[] initialKeyId,
            UUID deliveryId,
            String kcv) {
        timeline.record(
                deviceId,
                "READER_KEY_INJECTED",
                algorithm + " BDK v" + bdk.version() + ", initial key ID " + Hex.encode(initialKeyId) + ", reader "
                        + readerSerial,
                "device");
        device.runAs(() -> audit.record(AuditEvent.of("reader_key.injected", "Device", deviceId)
                .detail("algorithm", algorithm)
                .detail("bdkVersion", bdk.version())
                .detail("initialKeyId", Hex.encode(initialKeyId))
                .detail("readerSerial", readerSerial)
                .detail("deliveryId", deliveryId)
                .detail("kcv", kcv)));
    }

    /** The next device number under the BDK (the counter row is locked until commit); refused past the last. */
    private long nextDeviceNumber(UUID tenant, ReaderKeyAlgorithm algorithm, BdkVersion bdk) {
        long number = jdbc.sql("""
                        update reader_key_counter set last_number = last_number + 1
                        where tenant_id = ? and algorithm = ? and bdk_version = ? returning last_number""")
                .params(tenant, algorithm.name(), bdk.version())
                .query(Long.class)
                .single();
        if (number > InitialKeyIds.maxNumber(algorithm)) {
            throw new ReaderKeyException(
                    "bdk_exhausted", "Every initial key ID under this BDK is used; the BDK " + "must be rotated");
        }
        return number;
    }

    /** The newest key delivered to a device of the current tenant (its status, never key material). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('DEVICE', 'MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Optional<InjectedReaderKey> current(UUID deviceId) {
        return jdbc.sql("""
                        select algorithm, bdk_version, initial_key_id, reader_serial, injected_at from reader_key
                        where tenant_id = ? and device_id = ? order by injected_at desc, id limit 1""")
                .params(TenantContext.requireTenant(), deviceId)
                .query((rs, n) -> new InjectedReaderKey(
                        ReaderKeyAlgorithm.valueOf(rs.getString(1)),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** HKDF {@code info}: the label, then the device id and the delivery id, ASCII, no separators. */
    public static byte[] kdfInfo(UUID deviceId, UUID deliveryId) {
        return (KDF_LABEL + deviceId + deliveryId).getBytes(StandardCharsets.US_ASCII);
    }

    private static KeyBytes protectionKey(
            KeyPair server, byte[] devicePublicKey, byte[] salt, UUID deviceId, UUID deliveryId) {
        byte[] shared = null;
        try {
            PublicKey device = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(devicePublicKey));
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(server.getPrivate());
            ecdh.doPhase(device, true);
            shared = ecdh.generateSecret();
            return Hkdf.sha256(shared, salt, kdfInfo(deviceId, deliveryId), KBPK_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new ReaderKeyException(
                    "device_key_unusable", "The device's registered key cannot be used for " + "key agreement");
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }

    private static KeyPair ephemeralKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an EC P-256 key pair", e);
        }
    }
}
