package id.lapak.cardcrypto.carddata;

import id.lapak.cardcrypto.KeyBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts card data under a DUKPT data-encryption key.
 *
 * <p>Plaintext: a sequence of tag-length-value fields in this order, each length one byte (below 0x80):
 * <ul>
 *   <li>{@code 5A} PAN: the digits packed two per byte (BCD), an odd count padded with a final {@code F} nibble;
 *   <li>{@code 5F24} expiry: length 2, YYMM packed as BCD (EMV's {@code 5F24} carries YYMMDD; this format leaves
 *       out the day);
 *   <li>{@code 57} track 2 equivalent data, optional: digits and the separator as nibble {@code D}, padded with
 *       {@code F} to whole bytes (at most 19 bytes).
 * </ul>
 * The fields are followed by ISO/IEC 9797-1 padding method 2 (one {@code 80} byte, then zero bytes up to a whole
 * block; a whole extra block when the fields already end on a block boundary).
 *
 * <p>Encryption: {@link CardDataAlgorithm#AES128} is AES-128-CBC with a random 16-byte IV under the AES DUKPT
 * data-encryption key; {@link CardDataAlgorithm#TDES} is TDES-CBC (EDE, double-length key) with a random 8-byte IV
 * under the TDES DUKPT data-request key. The IV travels beside the ciphertext.
 *
 * <p>Decryption checks the padding and the field layout strictly; any mismatch, such as a wrong key, fails with
 * one {@link CardDataException} that says nothing about the data. Plaintext buffers are wiped after use.
 */
public final class CardDataCipher {

    static final int TAG_PAN = 0x5A;
    static final int TAG_EXPIRY = 0x5F24;
    static final int TAG_TRACK2 = 0x57;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UNREADABLE = "the card data does not decrypt to a valid record under this key";

    private CardDataCipher() {}

    /** Encrypts {@code data} under {@code dataKey} with a fresh random IV. */
    public static EncryptedCardData encrypt(KeyBytes dataKey, CardDataAlgorithm algorithm, CardData data) {
        byte[] iv = new byte[algorithm.blockSize()];
        RANDOM.nextBytes(iv);
        return encrypt(dataKey, algorithm, data, iv);
    }

    /** Encrypts {@code data} under {@code dataKey} with the given IV (one block long). */
    public static EncryptedCardData encrypt(KeyBytes dataKey, CardDataAlgorithm algorithm, CardData data, byte[] iv) {
        if (iv == null || iv.length != algorithm.blockSize()) {
            throw new CardDataException("the IV of " + algorithm + " is " + algorithm.blockSize() + " bytes");
        }
        byte[] plain = pad(encode(data), algorithm.blockSize());
        try {
            return new EncryptedCardData(algorithm, iv, cbc(Cipher.ENCRYPT_MODE, dataKey, algorithm, iv, plain));
        } finally {
            CardData.wipe(plain);
        }
    }

    /** Decrypts and parses card data; the caller owns (and should destroy) the result. */
    public static CardData decrypt(KeyBytes dataKey, EncryptedCardData encrypted) {
        CardDataAlgorithm algorithm = encrypted.algorithm();
        byte[] iv = encrypted.iv();
        byte[] ciphertext = encrypted.ciphertext();
        if (iv.length != algorithm.blockSize()
                || ciphertext.length == 0
                || ciphertext.length % algorithm.blockSize() != 0) {
            throw new CardDataException("the IV or ciphertext length does not fit " + algorithm);
        }
        byte[] plain = cbc(Cipher.DECRYPT_MODE, dataKey, algorithm, iv, ciphertext);
        try {
            return decode(plain, unpaddedLength(plain, algorithm.blockSize()));
        } finally {
            CardData.wipe(plain);
        }
    }

    static byte[] encode(CardData data) {
        byte[] pan = bcd(data.panBytes());
        byte[] expiry = bcd(data.expiryBytes());
        byte[] track2 = data.hasTrack2() ? bcd(data.track2Bytes()) : null;
        try {
            byte[] out = new byte[2 + pan.length + 3 + expiry.length + (track2 == null ? 0 : 2 + track2.length)];
            int at = field(out, 0, TAG_PAN, pan);
            at = field(out, at, TAG_EXPIRY, expiry);
            if (track2 != null) {
                field(out, at, TAG_TRACK2, track2);
            }
            return out;
        } finally {
            CardData.wipe(pan);
            CardData.wipe(expiry);
            CardData.wipe(track2);
        }
    }

    private static int field(byte[] out, int at, int tag, byte[] value) {
        if (tag > 0xFF) {
            out[at++] = (byte) (tag >>> 8);
        }
        out[at++] = (byte) tag;
        out[at++] = (byte) value.length;
        System.arraycopy(value, 0, out, at, value.length);
        return at + value.length;
    }

    static byte[] pad(byte[] fields, int blockSize) {
        byte[] padded = new byte[(fields.length / blockSize + 1) * blockSize];
        System.arraycopy(fields, 0, padded, 0, fields.length);
        padded[fields.length] = (byte) 0x80;
        CardData.wipe(fields);
        return padded;
    }

    private static int unpaddedLength(byte[] plain, int blockSize) {
        int i = plain.length - 1;
        while (i >= 0 && plain[i] == 0) {
            i--;
        }
        if (i < 0 || plain[i] != (byte) 0x80 || plain.length - i > blockSize) {
            throw new CardDataException(UNREADABLE);
        }
        return i;
    }

    private static CardData decode(byte[] plain, int length) {
        int at = 0;
        byte[] pan = null;
        byte[] expiry = null;
        byte[] track2 = null;
        try {
            while (at < length) {
                int tag = plain[at++] & 0xFF;
                if (tag == 0x5F) {
                    if (at >= length) {
                        throw new CardDataException(UNREADABLE);
                    }
                    tag = (tag << 8) | (plain[at++] & 0xFF);
                }
                if (at >= length) {
                    throw new CardDataException(UNREADABLE);
                }
                int len = plain[at++] & 0xFF;
                if (len == 0 || len >= 0x80 || at + len > length) {
                    throw new CardDataException(UNREADABLE);
                }
                byte[] value = Arrays.copyOfRange(plain, at, at + len);
                at += len;
                byte[] text = digitsOf(value, tag == TAG_TRACK2);
                CardData.wipe(value);
                if (tag == TAG_PAN && pan == null && expiry == null && track2 == null) {
                    pan = text;
                } else if (tag == TAG_EXPIRY && pan != null && expiry == null && track2 == null) {
                    expiry = text;
                } else if (tag == TAG_TRACK2 && expiry != null && track2 == null) {
                    track2 = text;
                } else {
                    CardData.wipe(text);
                    throw new CardDataException(UNREADABLE);
                }
            }
            if (pan == null || expiry == null) {
                throw new CardDataException(UNREADABLE);
            }
            return CardData.own(pan, expiry, track2);
        } catch (CardDataException e) {
            CardData.wipe(pan);
            CardData.wipe(expiry);
            CardData.wipe(track2);
            throw new CardDataException(UNREADABLE);
        }
    }

    /** Packs ASCII digits (and {@code D}) two per byte, an odd count padded with {@code F}. */
    static byte[] bcd(byte[] ascii) {
        byte[] packed = new byte[(ascii.length + 1) / 2];
        for (int i = 0; i < packed.length * 2; i++) {
            int nibble = i < ascii.length ? (ascii[i] == 'D' ? 0xD : ascii[i] - '0') : 0xF;
            packed[i / 2] |= (byte) (i % 2 == 0 ? nibble << 4 : nibble);
        }
        return packed;
    }

    /** Unpacks BCD; {@code F} is allowed only as the final nibble, {@code D} only in track 2 data. */
    private static byte[] digitsOf(byte[] packed, boolean track2) {
        int count = packed.length * 2;
        if ((packed[packed.length - 1] & 0x0F) == 0xF) {
            count--;
        }
        byte[] ascii = new byte[count];
        for (int i = 0; i < count; i++) {
            int nibble = (packed[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
            if (nibble <= 9) {
                ascii[i] = (byte) ('0' + nibble);
            } else if (nibble == 0xD && track2) {
                ascii[i] = 'D';
            } else {
                CardData.wipe(ascii);
                throw new CardDataException(UNREADABLE);
            }
        }
        return ascii;
    }

    private static byte[] cbc(int mode, KeyBytes dataKey, CardDataAlgorithm algorithm, byte[] iv, byte[] data) {
        if (dataKey.length() != algorithm.keyLength()) {
            throw new CardDataException(
                    "a " + algorithm + " data key is " + algorithm.keyLength() + " bytes, got " + dataKey.length());
        }
        byte[] key = dataKey.toByteArray();
        byte[] jcaKey = null;
        try {
            Cipher cipher;
            if (algorithm == CardDataAlgorithm.AES128) {
                cipher = Cipher.getInstance("AES/CBC/NoPadding");
                cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            } else {
                jcaKey = Arrays.copyOf(key, 24);
                System.arraycopy(key, 0, jcaKey, 16, 8);
                cipher = Cipher.getInstance("DESede/CBC/NoPadding");
                cipher.init(mode, new SecretKeySpec(jcaKey, "DESede"), new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CardDataException(
                    algorithm + " card data encryption failed: " + e.getClass().getSimpleName());
        } finally {
            CardData.wipe(key);
            CardData.wipe(jcaKey);
        }
    }
}
