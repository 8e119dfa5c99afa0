package id.lapak.cardcrypto.tr31;

import id.lapak.cardcrypto.BlockCiphers;
import id.lapak.cardcrypto.Cmac;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wraps and unwraps TR-31 / ANSI X9.143 key blocks of version D under an AES key block protection key (KBPK).
 *
 * <ul>
 *   <li>The encryption key (KBEK) and authentication key (KBAK) are derived from the KBPK with CMAC in counter
 *       mode over {@code counter | usage (0000 encryption, 0001 MAC) | 00 | algorithm (0002/0003/0004 for
 *       AES-128/192/256) | length in bits}, as long as the KBPK.</li>
 *   <li>Clear key data: the key length in bits (2 bytes), the key, random padding to a multiple of 16 bytes.</li>
 *   <li>MAC: AES-CMAC under the KBAK over the header (with its optional blocks) and the clear key data, 16 bytes.</li>
 *   <li>The key data is encrypted with AES-CBC under the KBEK with the MAC as IV.</li>
 *   <li>Block: header, the encrypted key data in hex, the MAC in hex.</li>
 * </ul>
 * With optional blocks the header is padded with a {@code PB} block to a multiple of 16 characters.
 */
public final class KeyBlocks {

    private static final int MAC_LENGTH = 16;
    private static final int USAGE_ENCRYPTION = 0x0000;
    private static final int USAGE_MAC = 0x0001;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyBlocks() {}

    /** Wraps with key data padded only to whole AES blocks: the block's length reveals the key's length. */
    public static String wrap(KeyBytes kbpk, KeyBlockHeader header, KeyBytes key) {
        return wrap(kbpk, header, key, false);
    }

    /**
     * Wraps {@code key}; with {@code hideKeyLength} the clear key data is padded as if the key were the longest of
     * its algorithm (AES 32 bytes, TDES 24, DES 8; X9.143 8.1 does this for an AES-128 key), so that blocks of
     * shorter and longer keys of one algorithm cannot be told apart. Asymmetric keys (other algorithms) are only
     * padded to whole blocks.
     */
    public static String wrap(KeyBytes kbpk, KeyBlockHeader header, KeyBytes key, boolean hideKeyLength) {
        requireAesKbpk(kbpk);
        if (key.length() > 0xFFF) {
            throw new IllegalArgumentException("key too long for a key block");
        }
        String optional = encodeOptionalBlocks(header.optionalBlocks());
        int count = header.optionalBlocks().size();
        if (!optional.isEmpty() && (KeyBlockHeader.LENGTH + optional.length()) % 16 != 0) {
            int padding = 16 - (KeyBlockHeader.LENGTH + optional.length()) % 16;
            if (padding < 4) {
                padding += 16;
            }
            optional += new OptionalBlock(OptionalBlock.PADDING, "0".repeat(padding - 4)).encode();
            count++;
        }
        if (count > 99) {
            throw new IllegalArgumentException("at most 99 optional blocks");
        }
        int padTo = hideKeyLength ? Math.max(key.length(), longestKey(header.algorithm())) : key.length();
        int keyDataLength = roundUp(2 + padTo, 16);
        int total = KeyBlockHeader.LENGTH + optional.length() + 2 * keyDataLength + 2 * MAC_LENGTH;
        if (total > 9999) {
            throw new IllegalArgumentException("key block longer than 9999 characters");
        }
        String headerText = String.valueOf(KeyBlockHeader.VERSION_D) + String.format("%04d", total)
                + header.keyUsage() + header.algorithm() + header.modeOfUse() + header.keyVersion()
                + header.exportability() + String.format("%02d", count) + header.keyContext() + "0" + optional;

        byte[] clear = new byte[keyDataLength];
        byte[] keyBytes = key.toByteArray();
        byte[] kbek = null;
        byte[] kbak = null;
        try {
            clear[0] = (byte) ((keyBytes.length * 8) >>> 8);
            clear[1] = (byte) (keyBytes.length * 8);
            System.arraycopy(keyBytes, 0, clear, 2, keyBytes.length);
            byte[] padding = new byte[keyDataLength - 2 - keyBytes.length];
            RANDOM.nextBytes(padding);
            System.arraycopy(padding, 0, clear, 2 + keyBytes.length, padding.length);

            byte[] k = kbpk.toByteArray();
            kbek = deriveKey(k, USAGE_ENCRYPTION);
            kbak = deriveKey(k, USAGE_MAC);
            Arrays.fill(k, (byte) 0);
            byte[] mac = mac(kbak, headerText, clear);
            byte[] encrypted = BlockCiphers.aesCbc(true, kbek, mac, clear);
            return headerText + Hex.encode(encrypted) + Hex.encode(mac);
        } finally {
            Arrays.fill(clear, (byte) 0);
            Arrays.fill(keyBytes, (byte) 0);
            wipe(kbek);
            wipe(kbak);
        }
    }

    /** Verifies the MAC before anything of the key data is interpreted; a mismatch throws and reveals nothing. */
    public static UnwrappedKey unwrap(KeyBytes kbpk, String block) {
        requireAesKbpk(kbpk);
        Parsed parsed = parse(block);
        byte[] k = kbpk.toByteArray();
        byte[] kbek = deriveKey(k, USAGE_ENCRYPTION);
        byte[] kbak = deriveKey(k, USAGE_MAC);
        Arrays.fill(k, (byte) 0);
        byte[] clear = null;
        byte[] expected = null;
        try {
            clear = BlockCiphers.aesCbc(false, kbek, parsed.mac(), parsed.encrypted());
            expected = mac(kbak, parsed.headerText(), clear);
            if (!MessageDigest.isEqual(expected, parsed.mac())) {
                throw new InvalidKeyBlockException(
                        "key block MAC does not verify: the block was altered or the KBPK is wrong");
            }
            int bits = ((clear[0] & 0xFF) << 8) | (clear[1] & 0xFF);
            if (bits == 0 || bits % 8 != 0 || bits / 8 > clear.length - 2) {
                throw new InvalidKeyBlockException("key length field in the key data is inconsistent");
            }
            return new UnwrappedKey(parsed.header(), KeyBytes.wrap(Arrays.copyOfRange(clear, 2, 2 + bits / 8)));
        } finally {
            wipe(clear);
            wipe(expected);
            wipe(kbek);
            wipe(kbak);
        }
    }

    /** A block read but not yet opened: its header, the header's text (which the MAC covers), key data, MAC. */
    private record Parsed(KeyBlockHeader header, String headerText, byte[] encrypted, byte[] mac) {}

    /** Reads a version D block's layout, refusing anything malformed before any key is used. */
    private static Parsed parse(String block) {
        if (block == null || block.length() < KeyBlockHeader.LENGTH) {
            throw new InvalidKeyBlockException("key block is shorter than its header");
        }
        if (!OptionalBlock.isPrintable(block)) {
            throw new InvalidKeyBlockException("key block contains characters other than printable ASCII");
        }
        if (block.charAt(0) != KeyBlockHeader.VERSION_D) {
            throw new InvalidKeyBlockException("key block version '" + block.charAt(0) + "' is not supported, only D");
        }
        int length = decimal(block, 1, 4, "block length");
        if (length != block.length()) {
            throw new InvalidKeyBlockException(
                    "key block length field says " + length + " but the block has " + block.length() + " characters");
        }
        int count = decimal(block, 12, 2, "number of optional blocks");
        var blocks = new ArrayList<OptionalBlock>();
        int position = KeyBlockHeader.LENGTH;
        for (int i = 0; i < count; i++) {
            position = parseOptionalBlock(block, position, blocks);
        }
        if (count > 0 && position % 16 != 0) {
            throw new InvalidKeyBlockException("optional blocks do not end on a 16-character boundary");
        }
        String headerText = block.substring(0, position);
        String rest = block.substring(position);
        if (rest.length() < 2 * (MAC_LENGTH + 16) || (rest.length() - 2 * MAC_LENGTH) % 32 != 0) {
            throw new InvalidKeyBlockException("key data is not a whole number of AES blocks followed by a MAC");
        }
        byte[] encrypted;
        byte[] mac;
        try {
            encrypted = Hex.decode(rest.substring(0, rest.length() - 2 * MAC_LENGTH), "encrypted key data");
            mac = Hex.decode(rest.substring(rest.length() - 2 * MAC_LENGTH), "MAC");
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyBlockException("key data and MAC must be hexadecimal");
        }
        try {
            return new Parsed(
                    new KeyBlockHeader(
                            block.substring(5, 7),
                            block.charAt(7),
                            block.charAt(8),
                            block.substring(9, 11),
                            block.charAt(11),
                            block.charAt(14),
                            blocks),
                    headerText,
                    encrypted,
                    mac);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyBlockException("key block header is malformed: " + e.getMessage());
        }
    }

    private static int longestKey(char algorithm) {
        return switch (algorithm) {
            case 'A' -> 32;
            case 'T' -> 24;
            case 'D' -> 8;
            default -> 0;
        };
    }

    /** KBEK or KBAK: CMAC under the KBPK in counter mode, as many blocks as the KBPK is long. */
    private static byte[] deriveKey(byte[] kbpk, int usage) {
        int algorithm = switch (kbpk.length) {
            case 16 -> 0x0002;
            case 24 -> 0x0003;
            default -> 0x0004;
        };
        int bits = kbpk.length * 8;
        byte[] out = new byte[roundUp(kbpk.length, 16)];
        byte[] input = new byte[8];
        for (int i = 0; i < out.length / 16; i++) {
            input[0] = (byte) (i + 1);
            input[1] = (byte) (usage >>> 8);
            input[2] = (byte) usage;
            input[3] = 0;
            input[4] = (byte) (algorithm >>> 8);
            input[5] = (byte) algorithm;
            input[6] = (byte) (bits >>> 8);
            input[7] = (byte) bits;
            byte[] part = Cmac.aes(kbpk, input);
            System.arraycopy(part, 0, out, 16 * i, 16);
            Arrays.fill(part, (byte) 0);
        }
        byte[] key = Arrays.copyOf(out, kbpk.length);
        Arrays.fill(out, (byte) 0);
        return key;
    }

    private static int parseOptionalBlock(String block, int position, List<OptionalBlock> blocks) {
        if (position + 4 > block.length()) {
            throw new InvalidKeyBlockException("optional block runs past the end of the key block");
        }
        String id = block.substring(position, position + 2);
        int length = hexNumber(block, position + 2, 2, "optional block " + id + " length");
        int dataStart = position + 4;
        if (length == 0) {
            int lengthOfLength = hexNumber(block, position + 4, 2, "optional block " + id + " length of length");
            if (lengthOfLength == 0) {
                throw new InvalidKeyBlockException("optional block " + id + " has an empty extended length");
            }
            // X9.143 6.2: the count is of characters (CT0004 + 0500), not of bytes.
            length = hexNumber(block, position + 6, lengthOfLength, "optional block " + id + " length");
            dataStart = position + 6 + lengthOfLength;
        }
        int end = position + length;
        if (end < dataStart || end > block.length()) {
            throw new InvalidKeyBlockException("optional block " + id + " has an impossible length");
        }
        try {
            blocks.add(new OptionalBlock(id, block.substring(dataStart, end)));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyBlockException("optional block is malformed: " + e.getMessage());
        }
        return end;
    }

    private static String encodeOptionalBlocks(List<OptionalBlock> blocks) {
        var text = new StringBuilder();
        for (OptionalBlock block : blocks) {
            text.append(block.encode());
        }
        return text.toString();
    }

    private static int decimal(String s, int from, int digits, String what) {
        if (from + digits > s.length()) {
            throw new InvalidKeyBlockException(what + " is missing");
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidKeyBlockException(what + " is not a decimal number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int hexNumber(String s, int from, int digits, String what) {
        if (from + digits > s.length() || digits > 6) {
            throw new InvalidKeyBlockException(what + " is missing or too long");
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new InvalidKeyBlockException(what + " is not hexadecimal");
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static void requireAesKbpk(KeyBytes kbpk) {
        int length = kbpk.length();
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("a version D KBPK is an AES key of 16, 24 or 32 bytes, got " + length);
        }
    }

    private static byte[] mac(byte[] kbak, String headerText, byte[] clearKeyData) {
        byte[] header = headerText.getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(header, header.length + clearKeyData.length);
        System.arraycopy(clearKeyData, 0, input, header.length, clearKeyData.length);
        try {
            return Cmac.aes(kbak, input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
