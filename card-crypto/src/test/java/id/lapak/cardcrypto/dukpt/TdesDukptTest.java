package id.lapak.cardcrypto.dukpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import org.junit.jupiter.api.Test;

/** The ANSI X9.24-1:2009 Annex A.4 vectors (BDK 0123…3210, KSN FFFF9876543210E0000n). */
class TdesDukptTest {

    private static final KeyBytes BDK = KeyBytes.fromHex("0123456789ABCDEFFEDCBA9876543210", "BDK");
    private static final TdesKsn KSN_0 = TdesKsn.fromHex("FFFF9876543210E00000");

    @Test
    void initialKeyFromBdkAndKsn() {
        assertThat(TdesDukpt.initialKey(BDK, KSN_0).toHex()).isEqualTo("6AC292FAA1315B4D858AB3A3D7D5933A");
        // The counter does not change the initial key.
        assertThat(TdesDukpt.initialKey(BDK, KSN_0.withCounter(7)).toHex())
                .isEqualTo("6AC292FAA1315B4D858AB3A3D7D5933A");
    }

    @Test
    void transactionKeysForTheFirstCounters() {
        KeyBytes ipek = TdesDukpt.initialKey(BDK, KSN_0);
        assertThat(TdesDukpt.transactionKey(ipek, TdesKsn.fromHex("FFFF9876543210E00001"))
                        .toHex())
                .isEqualTo("042666B49184CFA368DE9628D0397BC9");
        assertThat(TdesDukpt.transactionKey(ipek, TdesKsn.fromHex("FFFF9876543210E00002"))
                        .toHex())
                .isEqualTo("C46551CEF9FD24B0AA9AD834130D3BC7");
    }

    @Test
    void pinKeyEncryptsTheAnnexPinBlock() {
        TdesKsn ksn = TdesKsn.fromHex("ffff9876543210e00001");
        KeyBytes pinKey = TdesDukpt.workingKeyFromBdk(BDK, ksn, TdesKeyUsage.PIN);
        assertThat(pinKey.toHex()).isEqualTo("042666B49184CF5C68DE9628D0397B36");

        byte[] pinBlock = IsoPinBlock.format0("1234", "4012345678909");
        assertThat(Hex.encode(pinBlock)).isEqualTo("041274EDCBA9876F");
        assertThat(Hex.encode(IsoPinBlock.encrypt(pinKey, pinBlock))).isEqualTo("1B9C1845EB993A7A");
    }

    @Test
    void macKeyIsTheMacRequestVariant() {
        TdesKsn ksn = TdesKsn.fromHex("FFFF9876543210E00001");
        KeyBytes ipek = TdesDukpt.initialKey(BDK, ksn);
        // 042666B49184CFA3 68DE9628D0397BC9 XOR 000000000000FF00 000000000000FF00
        assertThat(TdesDukpt.workingKey(ipek, ksn, TdesKeyUsage.MAC_REQUEST).toHex())
                .isEqualTo("042666B4918430A368DE9628D03984C9");
    }

    /**
     * Vectors for the X9.24-1:2009 data key (variant, then each half encrypted under the variant key) and for higher
     * counters, as reproduced in the tests of an open-source Ruby DUKPT implementation; they agree with the Annex
     * A.4 keys above.
     */
    @Test
    void dataKeyTakesTheOneWayStepAndHigherCountersMatch() {
        KeyBytes ipek = TdesDukpt.initialKey(BDK, KSN_0);
        KeyBytes counter8 = TdesDukpt.transactionKey(ipek, TdesKsn.fromHex("FFFF9876543210E00008"));
        assertThat(counter8.toHex()).isEqualTo("27F66D5244FF62E1AA6F6120EDEB4280");
        assertThat(TdesDukpt.variant(counter8, TdesKeyUsage.DATA_REQUEST).toHex())
                .isEqualTo("C39B2778B058AC376FB18DC906F75CBA");
        assertThat(TdesDukpt.workingKey(ipek, TdesKsn.fromHex("FFFF9876543210E00013"), TdesKeyUsage.DATA_REQUEST)
                        .toHex())
                .isEqualTo("44893E3434ABDD6A817CE2841825E1FD");
        assertThat(TdesDukpt.workingKey(ipek, TdesKsn.fromHex("FFFF9876543210E00010"), TdesKeyUsage.PIN)
                        .toHex())
                .isEqualTo("59598DCBD9BD943F94165CE453585FA8");
        assertThat(TdesDukpt.workingKey(ipek, TdesKsn.fromHex("FFFF9876543210E00013"), TdesKeyUsage.PIN)
                        .toHex())
                .isEqualTo("C3DF489FDF11534BF03DE97C27DC4CD0");
        assertThat(TdesDukpt.workingKey(ipek, TdesKsn.fromHex("FFFF9876543210EFF800"), TdesKeyUsage.PIN)
                        .toHex())
                .isEqualTo("F9CDFEBF4F5B1D61B3EC12454527E189");
    }

    @Test
    void countersWithMoreThanTenOneBitsAreRefused() {
        KeyBytes ipek = TdesDukpt.initialKey(BDK, KSN_0);
        assertThatThrownBy(() -> TdesDukpt.transactionKey(ipek, KSN_0.withCounter(0x7FF)))
                .isInstanceOf(InvalidKsnException.class)
                .hasMessageContaining("more than 10 one-bits");
        assertThatThrownBy(() -> TdesDukpt.transactionKey(ipek, KSN_0)).isInstanceOf(InvalidKsnException.class);
        assertThat(TdesDukpt.transactionKey(ipek, KSN_0.withCounter(TdesKsn.MAX_COUNTER))
                        .length())
                .isEqualTo(16);
    }

    @Test
    void nextSkipsCountersWithTooManyOneBitsAndStopsAtTheLast() {
        assertThat(KSN_0.withCounter(0x3FE).next().counter()).isEqualTo(0x3FF); // ten one-bits: still allowed
        assertThat(KSN_0.withCounter(0x3FF).next().counter()).isEqualTo(0x400);
        assertThat(KSN_0.withCounter(0x1FF000).next().counter()).isEqualTo(0x1FF001); // 1FF000 has nine
        assertThat(KSN_0.withCounter(0x1FF001).next().counter()).isEqualTo(0x1FF002); // 1FF002 has ten; 1FF003 not
        assertThat(KSN_0.withCounter(0x1FF002).next().counter()).isEqualTo(0x1FF004);
        // From 1FF7FF (20 one-bits) on, every counter up to 1FF800 has more than ten: the skip lands on 1FF800.
        assertThat(KSN_0.withCounter(0x1FF400).next().counter()).isEqualTo(0x1FF800);
        assertThatThrownBy(() -> KSN_0.withCounter(TdesKsn.MAX_COUNTER).next())
                .isInstanceOf(KsnExhaustedException.class)
                .hasMessageContaining("exhausted");
        TdesKsn next = KSN_0.withCounter(0x1FF7FF).next();
        assertThat(next.counter()).isEqualTo(0x1FF800);
        assertThat(next.toHex()).startsWith("FFFF9876543210");
    }

    @Test
    void keysNeverShowTheirBytes() {
        KeyBytes ipek = TdesDukpt.initialKey(BDK, KSN_0);
        assertThat(ipek.toString()).isEqualTo("KeyBytes[16 bytes]").doesNotContain("6AC2");
        ipek.destroy();
        assertThat(ipek.toString()).isEqualTo("KeyBytes[destroyed]");
        assertThatThrownBy(ipek::toHex).isInstanceOf(IllegalStateException.class);
    }
}
