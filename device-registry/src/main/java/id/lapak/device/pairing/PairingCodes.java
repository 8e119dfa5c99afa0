package id.lapak.device.pairing;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import id.lapak.tenant.store.StoreService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates one-time pairing codes for a store: merchant admins for any store, store managers for their own. */
@Service
public class PairingCodes {

    private final JdbcClient jdbc;
    private final StoreService stores;
    private final Clock clock;
    private final Duration validity;

    PairingCodes(
            JdbcClient jdbc,
            StoreService stores,
            Clock clock,
            @Value("${lapak.device.pairing-code-validity:PT15M}") Duration validity) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.clock = clock;
        this.validity = validity;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public NewPairingCode create(UUID storeId, String deviceName) {
        UUID tenant = TenantContext.requireTenant();
        LapakUser user = CurrentUser.require();
        StoreScope.of(user).require(storeId);
        var store = stores.get(storeId);
        if (!store.active()) {
            throw new IllegalArgumentException("pairing.error.storeInactive");
        }
        String name = deviceName == null || deviceName.isBlank() ? null : deviceName.strip();
        if (name != null && name.length() > 100) {
            throw new IllegalArgumentException("device.error.name");
        }
        Instant now = Instant.now(clock);
        Instant expires = now.plus(validity);
        UUID id = UUID.randomUUID();
        String code = PairingCodeFormat.generate();
        jdbc.sql("""
                        insert into pairing_code (tenant_id, id, code_hash, store_id, device_name, created_by,
                                                  created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant,
                        id,
                        PairingCodeFormat.hash(code),
                        storeId,
                        name,
                        user.username(),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
        return new NewPairingCode(id, code, PairingCodeFormat.display(code), storeId, name, expires);
    }
}
