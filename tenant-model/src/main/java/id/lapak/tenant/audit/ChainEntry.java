package id.lapak.tenant.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One entry as hashed: the canonical form is every field, length-prefixed, in a fixed order. */
record ChainEntry(
        UUID id,
        String chain,
        UUID tenantId,
        long seq,
        Instant occurredAt,
        AuditActor actor,
        String action,
        String entityType,
        String entityId,
        String changes,
        String details,
        String ip,
        String userAgent,
        byte[] prevHash,
        int keyVersion) {

    /** Written before the chain was keyed: plain SHA-256. */
    static final int UNKEYED = 0;
    /** HMAC-SHA256 under the chain key. */
    static final int KEYED = 1;

    byte[] hash(SecretKeySpec key) {
        String text = canonical();
        try {
            if (keyVersion == UNKEYED) {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canonical() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {
            keyVersion == UNKEYED ? "lapak-audit-v1" : "lapak-audit-v2",
            id,
            chain,
            tenantId,
            seq,
            occurredAt.getEpochSecond() * 1_000_000 + occurredAt.getNano() / 1_000,
            actor.kind(),
            actor.id(),
            actor.name(),
            actor.role(),
            actor.tenantId(),
            action,
            entityType,
            entityId,
            changes,
            details,
            ip,
            userAgent,
            prevHash == null ? null : HexFormat.of().formatHex(prevHash)
        }) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text);
            }
            canonical.append('|');
        }
        return canonical.toString();
    }

    static ChainEntry read(ResultSet rs) throws SQLException {
        AuditActor actor = new AuditActor(
                AuditActor.Kind.valueOf(rs.getString("actor_kind")),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("actor_role"),
                rs.getObject("actor_tenant", UUID.class));
        return new ChainEntry(
                rs.getObject("id", UUID.class),
                rs.getString("chain_key"),
                rs.getObject("tenant_id", UUID.class),
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                actor,
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("changes"),
                rs.getString("details"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getBytes("prev_hash"),
                rs.getInt("key_version"));
    }
}
