package id.lapak.device.pairing;

import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceFacts;
import id.lapak.device.DeviceRegistry;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A device redeems a pairing code with its public key and becomes a device of the code's tenant and store. Every
 * failure is recorded (the audit trail of guessing) and counts towards throttling per source address and per
 * store, across all app nodes.
 */
@Service
public class Pairing {

    private static final Logger log = LoggerFactory.getLogger(Pairing.class);

    private record Code(UUID tenantId, UUID id, UUID storeId, String deviceName, Instant expiresAt, Instant usedAt) {}

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final DeviceRegistry registry;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration window;
    private final int maxFailuresPerSource;
    private final int maxFailuresPerStore;

    Pairing(
            JdbcClient jdbc,
            PlatformAccess platform,
            DeviceRegistry registry,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${lapak.device.pairing-throttle.window:PT15M}") Duration window,
            @Value("${lapak.device.pairing-throttle.per-source:10}") int maxFailuresPerSource,
            @Value("${lapak.device.pairing-throttle.per-store:20}") int maxFailuresPerStore) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.registry = registry;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.window = window;
        this.maxFailuresPerSource = maxFailuresPerSource;
        this.maxFailuresPerStore = maxFailuresPerStore;
    }

    public DeviceDetails redeem(String typedCode, byte[] publicKey, DeviceFacts facts, String sourceAddress) {
        Instant now = Instant.now(clock);
        String source = sourceAddress == null ? "unknown" : sourceAddress;
        if (failures("source_address = ?", source, now) >= maxFailuresPerSource) {
            throw throttled(source, null);
        }
        String code = PairingCodeFormat.normalize(typedCode);
        Optional<Code> found = code == null ? Optional.empty() : lookUp(PairingCodeFormat.hash(code));
        if (found.isEmpty()) {
            throw fail(source, null, 400, "code_unknown", "The pairing code is not known", now);
        }
        Code pairing = found.get();
        if (failures("store_id = ?", pairing.storeId(), now) >= maxFailuresPerStore) {
            throw throttled(source, pairing.storeId());
        }
        if (pairing.usedAt() != null) {
            throw fail(source, pairing.storeId(), 409, "code_used", "The pairing code was already used", now);
        }
        if (!now.isBefore(pairing.expiresAt())) {
            throw fail(source, pairing.storeId(), 410, "code_expired", "The pairing code has expired", now);
        }
        requireP256(publicKey);
        return TenantContext.callAs(
                pairing.tenantId(),
                () -> transaction.execute(s -> {
                    UUID deviceId;
                    String name = pairing.deviceName() != null
                            ? pairing.deviceName()
                            : facts.model() != null ? facts.model() : "Device";
                    DeviceDetails device = registry.register(pairing.storeId(), name, publicKey, facts);
                    deviceId = device.id();
                    int claimed = jdbc.sql("""
                            update pairing_code set used_at = ?, device_id = ?
                            where tenant_id = ? and id = ? and used_at is null""")
                            .params(Timestamp.from(now), deviceId, pairing.tenantId(), pairing.id())
                            .update();
                    if (claimed != 1) {
                        // Another request redeemed the same code a moment earlier: this one must not create a device.
                        s.setRollbackOnly();
                        throw new PairingException(409, "code_used", "The pairing code was already used");
                    }
                    log.info("Device {} paired to store {} with code {}", deviceId, pairing.storeId(), pairing.id());
                    return device;
                }));
    }

    private Optional<Code> lookUp(byte[] hash) {
        return platform.call(
                "device pairing: find the code's tenant",
                () -> jdbc.sql("""
                        select tenant_id, id, store_id, device_name, expires_at, used_at
                        from pairing_code where code_hash = ?""")
                        .param(hash)
                        .query((rs, n) -> new Code(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6) == null
                                        ? null
                                        : rs.getTimestamp(6).toInstant()))
                        .optional());
    }

    private long failures(String condition, Object value, Instant now) {
        return jdbc.sql("select count(*) from pairing_failure where " + condition + " and attempted_at > ?")
                .params(value, Timestamp.from(now.minus(window)))
                .query(Long.class)
                .single();
    }

    private PairingException fail(String source, UUID storeId, int status, String reason, String message, Instant now) {
        jdbc.sql("insert into pairing_failure (source_address, store_id, reason, attempted_at) values (?, ?, ?, ?)")
                .params(source, storeId, reason, Timestamp.from(now))
                .update();
        log.warn("Pairing refused from {} ({}{})", source, reason, storeId == null ? "" : ", store " + storeId);
        return new PairingException(status, reason, message);
    }

    private PairingException throttled(String source, UUID storeId) {
        log.warn("Pairing throttled from {}{}", source, storeId == null ? "" : " against store " + storeId);
        return new PairingException(
                429, "throttled", "Too many failed pairing attempts; try again later", window.toSeconds());
    }

    static void requireP256(byte[] publicKey) {
        try {
            var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey));
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            if (!(key instanceof ECPublicKey ec)
                    || !ec.getParams().getCurve().equals(p256.getCurve())
                    || !ec.getParams().getGenerator().equals(p256.getGenerator())) {
                throw new PairingException(400, "public_key_invalid", "The public key must be an EC P-256 key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PairingException(
                    400, "public_key_invalid", "The public key must be a DER SubjectPublicKeyInfo of an EC P-256 key");
        }
    }
}
