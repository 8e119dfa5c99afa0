package id.lapak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcSignaturesTest {

    private static final KeyPair KEYS = DeviceClient.generateKeyPair();

    /**
     * About one signature in 128 has an r or s shorter than 32 bytes, and half have a sign byte: thousands of
     * signatures meet both cases many times, which is where a careless converter fails "now and then".
     */
    @Test
    void derAndJwsFormsRoundTripAndVerifyForManySignatures() throws GeneralSecurityException {
        int shortParts = 0;
        int signBytes = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] der = sign("SHA256withECDSA", message);

            byte[] jws = EcSignatures.derToJws(der, EcSignatures.P256_PART_LENGTH);
            assertThat(jws).hasSize(64);
            assertThat(verify("SHA256withECDSAinP1363Format", message, jws))
                    .as("JDK's own r||s verifier")
                    .isTrue();

            byte[] back = EcSignatures.jwsToDer(jws);
            assertThat(back)
                    .as("minimal DER is unique, so the round trip is exact")
                    .isEqualTo(der);
            assertThat(verify("SHA256withECDSA", message, back)).isTrue();

            int rLength = der[3];
            int sLength = der[4 + rLength + 1];
            if (rLength < 32 || sLength < 32) {
                shortParts++;
            }
            if (rLength == 33 || sLength == 33) {
                signBytes++;
            }
        }
        assertThat(shortParts).as("signatures with a short r or s seen").isPositive();
        assertThat(signBytes).as("signatures with a sign byte seen").isPositive();
    }

    @Test
    void jwsFromTheJdkConvertsToDerTheJdkAccepts() throws GeneralSecurityException {
        for (int i = 0; i < 500; i++) {
            byte[] message = ("p1363 " + i).getBytes(StandardCharsets.UTF_8);
            byte[] jws = sign("SHA256withECDSAinP1363Format", message);
            assertThat(verify("SHA256withECDSA", message, EcSignatures.jwsToDer(jws)))
                    .isTrue();
        }
    }

    @Test
    void shortAndSignBitValuesAreEncodedMinimallyAndPaddedBack() {
        byte[] jws = new byte[64];
        jws[31] = 0x01; // r = 1: thirty-one leading zero bytes
        jws[32] = (byte) 0x80; // s has its high bit set: DER needs a leading 0x00
        jws[63] = 0x05;

        byte[] der = EcSignatures.jwsToDer(jws);

        byte[] expectedS = new byte[33];
        expectedS[1] = (byte) 0x80;
        expectedS[32] = 0x05;
        assertThat(HexFormat.of().formatHex(der))
                .isEqualTo("3026" + "020101" + "0221" + HexFormat.of().formatHex(expectedS));
        assertThat(EcSignatures.derToJws(der, 32)).isEqualTo(jws);
    }

    @Test
    void zeroStillEncodesAsOneByte() {
        byte[] der = EcSignatures.jwsToDer(new byte[64]);
        assertThat(HexFormat.of().formatHex(der)).isEqualTo("3006020100020100");
        assertThat(EcSignatures.derToJws(der, 32)).isEqualTo(new byte[64]);
    }

    @Test
    void derWithRedundantLeadingZerosStillConverts() {
        // Not minimal, but harmless to accept: the value is what counts.
        byte[] der = HexFormat.of().parseHex("300802020001020200ff");
        byte[] jws = EcSignatures.derToJws(der, 32);
        assertThat(jws[31]).isEqualTo((byte) 1);
        assertThat(jws[63]).isEqualTo((byte) 0xff);
    }

    @Test
    void malformedSignaturesAreRefused() {
        assertThatThrownBy(() -> EcSignatures.derToJws(HexFormat.of().parseHex("3103020101"), 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcSignatures.derToJws(HexFormat.of().parseHex("3007020101020101"), 32))
                .as("sequence length does not match")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcSignatures.derToJws(HexFormat.of().parseHex("3006020180020101"), 32))
                .as("negative r")
                .isInstanceOf(IllegalArgumentException.class);
        byte[] tooLong = new byte[2 + 2 + 34 + 3];
        tooLong[0] = 0x30;
        tooLong[1] = (byte) (tooLong.length - 2);
        tooLong[2] = 0x02;
        tooLong[3] = 34;
        tooLong[4] = 0x01;
        tooLong[38] = 0x02;
        tooLong[39] = 0x01;
        tooLong[40] = 0x01;
        assertThatThrownBy(() -> EcSignatures.derToJws(tooLong, 32))
                .as("r wider than the curve")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcSignatures.jwsToDer(new byte[63])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcSignatures.derToJws(Arrays.copyOf(new byte[] {0x30, 0x06, 0x02, 0x01}, 4), 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sign(String algorithm, byte[] message) throws GeneralSecurityException {
        var signer = Signature.getInstance(algorithm);
        signer.initSign(KEYS.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    private static boolean verify(String algorithm, byte[] message, byte[] signature) throws GeneralSecurityException {
        var verifier = Signature.getInstance(algorithm);
        verifier.initVerify(KEYS.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }
}
