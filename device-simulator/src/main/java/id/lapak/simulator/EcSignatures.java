package id.lapak.simulator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between the DER form Java's {@code SHA256withECDSA} produces and the fixed-length
 * {@code r || s} form JWS requires (RFC 7518 §3.4). The two differ exactly where bugs hide: DER integers are
 * signed and minimal, so r or s may carry a leading zero byte (high bit set) or be shorter than the curve size
 * (leading zero bytes dropped), which a naive copy turns into a signature that fails now and then.
 */
public final class EcSignatures {

    /** Bytes of r and of s for P-256. */
    public static final int P256_PART_LENGTH = 32;

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private EcSignatures() {}

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to {@code r || s}, each left-padded to {@code partLength}. */
    public static byte[] derToJws(byte[] der, int partLength) {
        var reader = new DerReader(der);
        reader.expectTag(SEQUENCE);
        int sequenceLength = reader.length();
        if (sequenceLength != reader.remaining()) {
            throw new IllegalArgumentException("DER sequence length " + sequenceLength + " does not match the "
                    + reader.remaining() + " bytes that follow");
        }
        byte[] r = reader.unsignedInteger();
        byte[] s = reader.unsignedInteger();
        if (reader.remaining() != 0) {
            throw new IllegalArgumentException("trailing bytes after the DER signature");
        }
        byte[] jws = new byte[2 * partLength];
        placeRightAligned(r, jws, 0, partLength);
        placeRightAligned(s, jws, partLength, partLength);
        return jws;
    }

    /** {@code r || s} (two equal halves) to the minimal DER encoding Java's verifier accepts. */
    public static byte[] jwsToDer(byte[] jws) {
        if (jws.length == 0 || jws.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "a JWS ECDSA signature has two equal halves, got " + jws.length + " bytes");
        }
        int half = jws.length / 2;
        byte[] r = derInteger(Arrays.copyOfRange(jws, 0, half));
        byte[] s = derInteger(Arrays.copyOfRange(jws, half, jws.length));
        var content = new ByteArrayOutputStream();
        content.writeBytes(r);
        content.writeBytes(s);
        var der = new ByteArrayOutputStream();
        der.write(SEQUENCE);
        writeLength(der, content.size());
        der.writeBytes(content.toByteArray());
        return der.toByteArray();
    }

    private static void placeRightAligned(byte[] magnitude, byte[] target, int offset, int partLength) {
        if (magnitude.length > partLength) {
            throw new IllegalArgumentException(
                    "integer of " + magnitude.length + " bytes does not fit in " + partLength);
        }
        System.arraycopy(magnitude, 0, target, offset + partLength - magnitude.length, magnitude.length);
    }

    /** TLV of an unsigned magnitude: drop leading zeros, keep one byte for zero, add 0x00 if the high bit is set. */
    private static byte[] derInteger(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0) {
            start++;
        }
        boolean needsSignByte = (unsigned[start] & 0x80) != 0;
        int valueLength = unsigned.length - start + (needsSignByte ? 1 : 0);
        var out = new ByteArrayOutputStream();
        out.write(INTEGER);
        writeLength(out, valueLength);
        if (needsSignByte) {
            out.write(0);
        }
        out.write(unsigned, start, unsigned.length - start);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        }
    }

    private static final class DerReader {
        private final byte[] der;
        private int position;

        DerReader(byte[] der) {
            this.der = der;
        }

        int remaining() {
            return der.length - position;
        }

        void expectTag(int tag) {
            int actual = next();
            if (actual != tag) {
                throw new IllegalArgumentException(String.format("expected DER tag 0x%02x, got 0x%02x", tag, actual));
            }
        }

        int length() {
            int first = next();
            if (first < 0x80) {
                return first;
            }
            int octets = first & 0x7F;
            if (octets == 0 || octets > 2) {
                throw new IllegalArgumentException("unsupported DER length form");
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | next();
            }
            return length;
        }

        /** An INTEGER's magnitude without sign padding; negative values are not valid signature parts. */
        byte[] unsignedInteger() {
            expectTag(INTEGER);
            int length = length();
            if (length == 0 || length > remaining()) {
                throw new IllegalArgumentException("DER integer length " + length + " is invalid");
            }
            byte[] value = Arrays.copyOfRange(der, position, position + length);
            position += length;
            if ((value[0] & 0x80) != 0) {
                throw new IllegalArgumentException("negative DER integer in an ECDSA signature");
            }
            int start = 0;
            while (start < value.length - 1 && value[start] == 0) {
                start++;
            }
            return Arrays.copyOfRange(value, start, value.length);
        }

        private int next() {
            if (position >= der.length) {
                throw new IllegalArgumentException("DER signature ends early");
            }
            return der[position++] & 0xFF;
        }
    }
}
