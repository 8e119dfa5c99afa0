package id.lapak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AssertionsTest {

    private static final KeyPair DEVICE_KEYS = DeviceClient.generateKeyPair();
    private static final String DEVICE_ID = "4f0c6f1e-2d7a-4a53-9a0e-3b8f1f6c2d10";

    @Test
    void assertionHasTheContractsHeaderAndClaimsAndVerifiesWithTheDevicesKey() throws GeneralSecurityException {
        Instant iat = Instant.parse("2026-11-25T14:00:00Z");
        String jti = Assertions.randomJti();

        String assertion =
                Assertions.create(DEVICE_KEYS, DEVICE_ID, Assertions.TOKEN_AUDIENCE, iat, iat.plusSeconds(120), jti);

        String[] parts = assertion.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> assertThat(part).doesNotContain("=", "+", "/"));
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + DEVICE_ID + "\"}");
        JsonNode claims = Json.MAPPER.readTree(decode(parts[1]));
        assertThat(fieldNames(claims)).containsExactly("iss", "sub", "aud", "iat", "exp", "jti");
        assertThat(claims.get("iss").asString()).isEqualTo(DEVICE_ID);
        assertThat(claims.get("sub").asString()).isEqualTo(DEVICE_ID);
        assertThat(claims.get("aud").asString()).isEqualTo("lapak-device-token");
        assertThat(claims.get("iat").isIntegralNumber()).isTrue();
        assertThat(claims.get("iat").asLong()).isEqualTo(iat.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(iat.getEpochSecond() + 120);
        assertThat(claims.get("jti").asString()).isEqualTo(jti);

        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64);
        assertThat(verifies(DEVICE_KEYS.getPublic(), parts[0] + "." + parts[1], signature))
                .isTrue();
    }

    @Test
    void anAssertionSignedWithAnotherKeyDoesNotVerifyWithTheDevicesKey() throws GeneralSecurityException {
        KeyPair stranger = DeviceClient.generateKeyPair();
        Instant now = Instant.now();

        String forged = Assertions.create(
                stranger, DEVICE_ID, Assertions.TOKEN_AUDIENCE, now, now.plusSeconds(60), Assertions.randomJti());

        String[] parts = forged.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(verifies(DEVICE_KEYS.getPublic(), parts[0] + "." + parts[1], signature))
                .isFalse();
        assertThat(verifies(stranger.getPublic(), parts[0] + "." + parts[1], signature))
                .isTrue();
    }

    @Test
    void jtisAreThirtyTwoHexCharactersAndDoNotRepeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String jti = Assertions.randomJti();
            assertThat(jti).matches("[0-9a-f]{32}");
            assertThat(seen.add(jti)).isTrue();
        }
    }

    private static boolean verifies(PublicKey key, String signingInput, byte[] jwsSignature)
            throws GeneralSecurityException {
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(EcSignatures.jwsToDer(jwsSignature));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
