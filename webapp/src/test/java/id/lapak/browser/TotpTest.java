package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test authenticator agrees with RFC 6238's published SHA-1 vectors and with the demo realm's secret. */
class TotpTest {

    @Test
    void matchesTheRfc6238TestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        // RFC 6238 appendix B gives 8 digits; the 6-digit code is their last six.
        assertThat(Totp.code(key, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(key, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(key, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void demoSecretIsTheRealmsSecretInBase32() {
        assertThat(new String(Totp.base32(Totp.DEMO_SECRET_BASE32), StandardCharsets.US_ASCII))
                .isEqualTo("LapakDemoOtpSecret26");
        assertThat(Totp.base32("GEZD GNBV GY3T QOJQ"))
                .containsExactly("1234567890".getBytes(StandardCharsets.US_ASCII));
    }
}
