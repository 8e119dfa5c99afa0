package id.lapak.device.auth;

import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceStatus;
import id.lapak.tenant.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchanges a device's signed assertion for an access token. The assertion is a compact JWS signed ES256 with the
 * device's private key (RFC 7523 style): the signature proves possession, the short lifetime and the single-use
 * {@code jti} (remembered in PostgreSQL, so on every node) stop replays.
 */
@Service
public class DeviceAuthentication {

    private static final Logger log = LoggerFactory.getLogger(DeviceAuthentication.class);
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_\\-.]{16,128}");
    private static final long MAX_LIFETIME_SECONDS = 300;
    private static final long CLOCK_SKEW_SECONDS = 60;

    /** Remembers a used assertion's id; does nothing if the device used it before. */
    private static final String REMEMBER_JTI = """
            insert into device_assertion (tenant_id, device_id, jti, expires_at) values (?, ?, ?, ?)
            on conflict do nothing""";

    public record AccessToken(String token, long expiresInSeconds) {}

    private final DeviceRegistry registry;
    private final DeviceTokens tokens;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final String audience;

    DeviceAuthentication(
            DeviceRegistry registry,
            DeviceTokens tokens,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock,
            @Value("${lapak.device.token-audience:lapak-device-token}") String audience) {
        this.registry = registry;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
        this.audience = audience;
    }

    public String audience() {
        return audience;
    }

    public AccessToken exchange(String assertion) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3 || assertion.length() > 4096) {
            throw refuse("assertion_malformed", "The assertion is not a compact JWS");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        if (!"ES256".equals(header.path("alg").asString(""))) {
            throw refuse("assertion_malformed", "The assertion must be signed with ES256");
        }
        UUID deviceId = deviceId(claims);
        if (!claims.path("iat").isIntegralNumber() || !claims.path("exp").isIntegralNumber()) {
            throw refuse("assertion_malformed", "The assertion needs numeric iat and exp");
        }
        String jti = claims.path("jti").asString("");
        if (!JTI.matcher(jti).matches()) {
            throw refuse("assertion_malformed", "The assertion needs a jti of 16 to 128 URL-safe characters");
        }
        var credentials = registry.credentials(deviceId).orElseThrow(() -> refuse("device_unknown", "No such device"));
        if (!verify(credentials.publicKey(), parts)) {
            throw refuse("assertion_signature", "The assertion's signature does not verify with the device's key");
        }
        if (!audience.equals(claims.path("aud").asString(""))) {
            throw refuse("assertion_audience", "The assertion is meant for another audience");
        }
        long exp = claims.path("exp").asLong();
        requireCurrent(claims.path("iat").asLong(), exp);
        requireUsable(credentials.status(), credentials.tenantActive());
        if (!remember(credentials.tenantId(), deviceId, jti, exp)) {
            log.warn("Replayed assertion {} for device {}", jti, deviceId);
            throw refuse("assertion_replayed", "This assertion was already used");
        }
        return new AccessToken(
                tokens.issue(deviceId, credentials.tenantId()),
                tokens.lifetime().toSeconds());
    }

    /** The device id the assertion names as both its issuer and its subject. */
    private static UUID deviceId(JsonNode claims) {
        String subject = claims.path("sub").asString("");
        if (!subject.equals(claims.path("iss").asString(""))) {
            throw refuse("assertion_malformed", "The assertion's iss and sub must both be the device id");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw refuse("assertion_malformed", "The assertion's subject is not a device id");
        }
    }

    /** Refuses an assertion that lives too long, starts in the future or has expired. */
    private void requireCurrent(long iat, long exp) {
        long now = Instant.now(clock).getEpochSecond();
        if (exp - iat > MAX_LIFETIME_SECONDS || exp <= iat || iat > now + CLOCK_SKEW_SECONDS) {
            throw refuse("assertion_expired", "The assertion must live at most 5 minutes and not start in the future");
        }
        if (now >= exp) {
            throw refuse("assertion_expired", "The assertion has expired");
        }
    }

    /** Remembers the assertion's {@code jti} until it expires; false if it was already used. */
    private boolean remember(UUID tenantId, UUID deviceId, String jti, long exp) {
        return TenantContext.callAs(
                tenantId,
                () -> transaction.execute(s -> jdbc.sql(REMEMBER_JTI)
                                .params(tenantId, deviceId, jti, Timestamp.from(Instant.ofEpochSecond(exp)))
                                .update()
                        == 1));
    }

    static void requireUsable(DeviceStatus status, boolean tenantActive) {
        if (status == DeviceStatus.REVOKED) {
            throw new DeviceAuthenticationException("device_revoked", "The device has been revoked");
        }
        if (status == DeviceStatus.RETIRED) {
            throw new DeviceAuthenticationException("device_retired", "The device has been retired");
        }
        if (!tenantActive) {
            throw new DeviceAuthenticationException("tenant_suspended", "The merchant's account is suspended");
        }
    }

    private JsonNode decode(String part) {
        try {
            JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw refuse("assertion_malformed", "The assertion's header and claims must be JSON objects");
            }
            return node;
        } catch (IllegalArgumentException | JacksonException e) {
            throw refuse("assertion_malformed", "The assertion is not valid base64url JSON");
        }
    }

    private static boolean verify(byte[] publicKey, String[] parts) {
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            return bytes.length == 64 && signature.verify(bytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static DeviceAuthenticationException refuse(String reason, String message) {
        return new DeviceAuthenticationException(reason, message);
    }
}
