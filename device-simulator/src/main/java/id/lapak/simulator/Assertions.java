package id.lapak.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the signed assertion a device trades for an access token (device API §2). Every part is a parameter so
 * tests can also build what a well-behaved device never sends: expired, replayed, wrongly addressed or signed
 * with someone else's key.
 */
public final class Assertions {

    public static final String TOKEN_AUDIENCE = "lapak-device-token";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Assertions() {}

    /** An ES256 assertion with the contract's header and claims, signed by {@code keyPair}'s private key. */
    public static String create(
            KeyPair keyPair, String deviceId, String audience, Instant iat, Instant exp, String jti) {
        return create(keyPair.getPrivate(), deviceId, audience, iat, exp, jti);
    }

    public static String create(
            PrivateKey key, String deviceId, String audience, Instant iat, Instant exp, String jti) {
        return sign(key, header(deviceId), claims(deviceId, audience, iat, exp, jti));
    }

    /** The contract's header: {@code {"alg":"ES256","typ":"JWT","kid":deviceId}}. */
    public static Map<String, Object> header(String deviceId) {
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        header.put("kid", deviceId);
        return header;
    }

    /** The contract's claims, times in epoch seconds. */
    public static Map<String, Object> claims(String deviceId, String audience, Instant iat, Instant exp, String jti) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", deviceId);
        claims.put("sub", deviceId);
        claims.put("aud", audience);
        claims.put("iat", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("jti", jti);
        return claims;
    }

    /**
     * Signs any header and claims with ES256 as the 64-byte {@code r || s}. The header is sent as given, so a test
     * can claim another algorithm or drop a claim and see the server refuse it.
     */
    public static String sign(PrivateKey key, Map<String, ?> header, Map<String, ?> claims) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            byte[] jws = EcSignatures.derToJws(signer.sign(), EcSignatures.P256_PART_LENGTH);
            return signingInput + "." + BASE64URL.encodeToString(jws);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the assertion with this key", e);
        }
    }

    /** 32 random hex characters: unique per assertion, inside the contract's 16–128. */
    public static String randomJti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String encode(Map<String, ?> part) {
        return BASE64URL.encodeToString(Json.MAPPER.writeValueAsBytes(part));
    }
}
