package id.lapak.device.keys;

import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
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

    private record Claimed(boolean owned, long inserted) {}

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
        // One statement: the key's owner, and the use recorded only when the owner is this device.
        String keyId = initialKeyId.toUpperCase(Locale.ROOT);
        Claimed claimed = jdbc.sql("""
                        with owner as (
                            select device_id from reader_key
                            where tenant_id = :tenant and algorithm = :algorithm and upper(initial_key_id) = :key),
                        used as (
                            insert into reader_key_use (tenant_id, algorithm, initial_key_id, counter, device_id,
                                                        sale_id, used_at)
                            select :tenant, :algorithm, :key, :counter, o.device_id, :sale, :at
                            from owner o where o.device_id = :device
                            on conflict do nothing
                            returning 1)
                        select exists (select 1 from owner o where o.device_id = :device),
                               (select count(*) from used)""")
                .param("tenant", tenant)
                .param("algorithm", alg.name())
                .param("key", keyId)
                .param("counter", counter)
                .param("device", deviceId)
                .param("sale", saleId)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Claimed(rs.getBoolean(1), rs.getLong(2)))
                .single();
        if (!claimed.owned()) {
            throw new RefusedKsn(
                    "ksn_not_this_device",
                    "The card data was encrypted by a reader key that was not issued to this device");
        }
        long inserted = claimed.inserted();
        if (inserted == 0) {
            throw new RefusedKsn(
                    "ksn_reused",
                    "This reader key already used this transaction counter; a card read is never accepted twice");
        }
    }
}
