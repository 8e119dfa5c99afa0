package id.lapak.tenant.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantSealTest {

    private static final String KEY =
            Base64.getEncoder().encodeToString("a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theDatabasesPaddedKeysComputeTheSameHmac() throws Exception {
        TenantSeal seal = new TenantSeal(KEY);
        UUID tenant = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
        String nonce = "4242:1796281200123456";
        // What app_current_tenant() computes: sha256(outer_pad || sha256(inner_pad || message)).
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.write(seal.innerPad());
        inner.write((tenant + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        byte[] innerHash = sha.digest(inner.toByteArray());
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(seal.outerPad());
        outer.write(innerHash);
        assertThat(seal.seal(tenant, nonce)).isEqualTo(HexFormat.of().formatHex(sha.digest(outer.toByteArray())));
        assertThat(seal.innerPad()).hasSize(64);
    }

    @Test
    void aSealBelongsToOneTenantAndOneTransaction() {
        TenantSeal seal = new TenantSeal(KEY);
        UUID tenant = UUID.randomUUID();
        assertThat(seal.seal(tenant, "1:2"))
                .isNotEqualTo(seal.seal(tenant, "1:3"))
                .isNotEqualTo(seal.seal(UUID.randomUUID(), "1:2"));
        assertThat(new TenantSeal(Base64.getEncoder().encodeToString(new byte[32])).seal(tenant, "1:2"))
                .isNotEqualTo(seal.seal(tenant, "1:2"));
    }

    @Test
    void aShortOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> new TenantSeal(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 to 64 bytes");
        assertThatThrownBy(() -> new TenantSeal("not base64 !")).hasMessageContaining("base64");
    }
}
