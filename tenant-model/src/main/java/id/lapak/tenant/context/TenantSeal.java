package id.lapak.tenant.context;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the tenant a transaction works for, so that SQL running as the application's role cannot choose another
 * one. Next to {@code app.tenant_id} the transaction gets {@code app.tenant_seal}: HMAC-SHA256 over
 * {@code "<tenant>:<nonce>"}, where the nonce ({@code app_transaction_nonce()}) names this very transaction. The key
 * lives here and, in the database, only in the owner's {@code tenant_context_key} (written at every start by
 * {@link TenantSealKey}); {@code app_current_tenant()} answers the tenant only when the seal checks. See
 * docs/decisions/0031-database-roles-and-tenant-context.md.
 */
@Component
public class TenantSeal {

    static final String KEY_PROPERTY = "lapak.database.tenant-context-key";

    private static final String NONCE = "select app_transaction_nonce()";
    private static final String SET =
            "select set_config('app.tenant_id', ?, true), set_config('app.tenant_seal', ?, true)";
    private static final int BLOCK = 64;

    private final byte[] key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public TenantSeal(@Value("${" + KEY_PROPERTY + "}") String base64Key) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " must be base64", e);
        }
        if (decoded.length < 32 || decoded.length > BLOCK) {
            throw new IllegalStateException(KEY_PROPERTY + " must hold 32 to 64 bytes");
        }
        this.key = decoded;
    }

    /**
     * Tells PostgreSQL, for the rest of the connection's current transaction, that it works for {@code tenant}.
     * The connection must be inside a transaction (auto-commit off): the setting and its seal die with it.
     */
    public void apply(Connection connection, UUID tenant) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException(
                    "A tenant is sealed into a transaction, not into an auto-commit connection");
        }
        String nonce;
        try (PreparedStatement statement = connection.prepareStatement(NONCE);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            nonce = rs.getString(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, tenant.toString());
            statement.setString(2, seal(tenant, nonce));
            statement.execute();
        }
    }

    String seal(UUID tenant, String nonce) {
        return HexFormat.of().formatHex(macs.get().doFinal((tenant + ":" + nonce).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** HMAC's inner padded key (key XOR 0x36, zero-padded to the 64-byte block), as the database stores it. */
    byte[] innerPad() {
        return pad((byte) 0x36);
    }

    /** HMAC's outer padded key (key XOR 0x5c). */
    byte[] outerPad() {
        return pad((byte) 0x5c);
    }

    private byte[] pad(byte with) {
        byte[] padded = Arrays.copyOf(key, BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            padded[i] ^= with;
        }
        return padded;
    }
}
