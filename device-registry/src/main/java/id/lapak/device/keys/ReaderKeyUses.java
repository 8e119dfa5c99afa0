package id.lapak.device.keys;

import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a transaction's KSN may be: it must name a reader key issued to the device that sends it, and its transaction
 * counter must not have been used before by that reader key. Called inside the payment's transaction, so the use is
 * recorded with the sale or not at all; the primary key of {@code reader_key_use} makes a reused counter fail on
 * every node, also after a restart. Counters need not rise: payments taken offline are uploaded out of order.
 */
@Component
public class ReaderKeyUses {

    /** A KSN that cannot be used for this device's payment, with the device API's stable reason. */
    public static final class RefusedKsn extends RuntimeException {

        private final String reason;

        RefusedKsn(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final JdbcClient jdbc;

    ReaderKeyUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code deviceId} used the KSN for {@code saleId}.
     *
     * @throws RefusedKsn {@code ksn_not_this_device} when the KSN's reader key was issued to another device (or to
     *                    none); {@code ksn_reused} when its counter was used before
     */
    public void claim(UUID deviceId, String algorithm, String ksnHex, UUID saleId, Instant at) {
        UUID tenant = TenantContext.requireTenant();
        ReaderKeyAlgorithm alg = ReaderKeyAlgorithm.valueOf(algorithm.strip().toUpperCase(Locale.ROOT));
        String initialKeyId;
        long counter;
        try {
            if (alg == ReaderKeyAlgorithm.AES128) {
                AesKsn ksn = AesKsn.fromHex(ksnHex.strip());
                initialKeyId = Hex.encode(ksn.initialKeyId());
                counter = ksn.counter();
            } else {
                TdesKsn ksn = TdesKsn.fromHex(ksnHex.strip());
                initialKeyId = ksn.initial().toHex();
                counter = ksn.counter();
            }
        } catch (CardCryptoException | IllegalArgumentException e) {
            throw new RefusedKsn("ksn_not_this_device", "The KSN does not name a reader key of this device");
        }
        Optional<UUID> owner = jdbc.sql("""
                        select device_id from reader_key
                        where tenant_id = ? and algorithm = ? and upper(initial_key_id) = ?""")
                .params(tenant, alg.name(), initialKeyId.toUpperCase(Locale.ROOT))
                .query(UUID.class)
                .optional();
        if (owner.isEmpty() || !owner.get().equals(deviceId)) {
            throw new RefusedKsn(
                    "ksn_not_this_device",
                    "The card data was encrypted by a reader key that was not issued to this device");
        }
        int inserted = jdbc.sql("""
                        insert into reader_key_use (tenant_id, algorithm, initial_key_id, counter, device_id, sale_id,
                                                    used_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        tenant,
                        alg.name(),
                        initialKeyId.toUpperCase(Locale.ROOT),
                        counter,
                        deviceId,
                        saleId,
                        Timestamp.from(at))
                .update();
        if (inserted == 0) {
            throw new RefusedKsn(
                    "ksn_reused",
                    "This reader key already used this transaction counter; a card read is never accepted twice");
        }
    }
}
