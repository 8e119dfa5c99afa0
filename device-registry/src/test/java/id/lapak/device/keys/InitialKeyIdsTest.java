package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.cardcrypto.Hex;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No identifier Lapak stores (AES initial key IDs, TDES initial KSNs) and no TDES transaction KSN can look like a card
 * number to a data-loss scan.
 */
class InitialKeyIdsTest {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{13,}");

    @Test
    void noIdentifierHoldsThirteenDecimalDigitsInARow() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 20_000; i++) {
            UUID tenant = new UUID(random.nextLong(), random.nextLong());
            int version = 1 + random.nextInt(50);
            byte[] aesBdk = InitialKeyIds.bdkId(tenant, ReaderKeyAlgorithm.AES128, version);
            byte[] tdesBdk = InitialKeyIds.bdkId(tenant, ReaderKeyAlgorithm.TDES, version);
            long aesNumber = 1 + (random.nextLong() & 0x7FFF_FFFFL) % InitialKeyIds.AES_MAX_NUMBER;
            long tdesNumber = 1 + (random.nextLong() & 0x7FFF_FFFFL) % InitialKeyIds.TDES_MAX_NUMBER;
            String aes = Hex.encode(InitialKeyIds.of(ReaderKeyAlgorithm.AES128, aesBdk, aesNumber));
            byte[] tdesInitial = InitialKeyIds.of(ReaderKeyAlgorithm.TDES, tdesBdk, tdesNumber);
            // Every transaction counter of the TDES KSN lives in its last 21 bits: set them all to digits-only worst
            // cases by trying random counters.
            tdesInitial[9] = (byte) random.nextInt(256);
            tdesInitial[8] = (byte) random.nextInt(256);
            tdesInitial[7] = (byte) ((tdesInitial[7] & 0xE0) | random.nextInt(32));
            String tdes = Hex.encode(tdesInitial);
            // (An AES transaction KSN adds a 32-bit counter; it is never stored or logged, only its initial key ID.)
            for (String id : new String[] {aes, tdes}) {
                Matcher run = DIGIT_RUN.matcher(id);
                assertThat(run.find())
                        .as("a run of 13 or more digits in %s", id)
                        .isFalse();
            }
        }
    }

    @Test
    void theKnownOffenderOfTheOldLayoutIsGone() {
        // F4FCE923000000200000 held the Luhn-valid run 923000000200000: its BDK ID ended in a digit.
        for (int version = 1; version <= 200; version++) {
            byte[] id = InitialKeyIds.bdkId(UUID.randomUUID(), ReaderKeyAlgorithm.TDES, version);
            String hex = Hex.encode(id);
            assertThat(hex.charAt(0)).isBetween('A', 'F');
            assertThat(hex.charAt(hex.length() - 1)).isBetween('A', 'F');
        }
    }
}
