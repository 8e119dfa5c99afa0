package id.lapak.cardcrypto.carddata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A card's PAN, expiry and optional track 2 equivalent data, held as ASCII bytes that {@link #destroy()} wipes.
 * Accessors hand out copies; {@link #toString()} shows the PAN masked to its first six and last four digits and
 * never the expiry or track 2 data.
 *
 * <p>The PAN is 12 to 19 digits, the expiry four digits YYMM with a month of 01 to 12, and track 2 equivalent data
 * up to 37 characters of digits and one separator {@code D} ({@code =} is accepted and stored as {@code D}).
 */
public final class CardData implements Destroyable, AutoCloseable {

    private final byte[] pan;
    private final byte[] expiry;
    private final byte[] track2;
    private boolean destroyed;

    private CardData(byte[] pan, byte[] expiry, byte[] track2) {
        this.pan = pan;
        this.expiry = expiry;
        this.track2 = track2;
    }

    /** Card data from text; the arguments are copied and checked. {@code track2} may be null. */
    public static CardData of(CharSequence pan, CharSequence expiryYyMm, CharSequence track2) {
        return of(ascii(pan), ascii(expiryYyMm), track2 == null ? null : ascii(track2), true);
    }

    /** Takes ownership of the arrays (no copy) after checking them; used by the decoder. */
    static CardData own(byte[] pan, byte[] expiry, byte[] track2) {
        return of(pan, expiry, track2, false);
    }

    private static CardData of(byte[] pan, byte[] expiry, byte[] track2, boolean wipeOnFailure) {
        try {
            if (pan == null || pan.length < 12 || pan.length > 19 || !digits(pan)) {
                throw new CardDataException("the PAN must be 12 to 19 digits");
            }
            if (expiry == null || expiry.length != 4 || !digits(expiry)) {
                throw new CardDataException("the expiry must be four digits YYMM");
            }
            int month = (expiry[2] - '0') * 10 + (expiry[3] - '0');
            if (month < 1 || month > 12) {
                throw new CardDataException("the expiry month must be 01 to 12");
            }
            if (track2 != null) {
                int separators = 0;
                for (int i = 0; i < track2.length; i++) {
                    if (track2[i] == '=' || track2[i] == 'd') {
                        track2[i] = 'D';
                    }
                    if (track2[i] == 'D') {
                        separators++;
                    } else if (track2[i] < '0' || track2[i] > '9') {
                        throw new CardDataException("track 2 equivalent data is digits and one separator D");
                    }
                }
                if (track2.length == 0 || track2.length > 37 || separators != 1) {
                    throw new CardDataException("track 2 equivalent data is 1 to 37 characters with one separator D");
                }
            }
            return new CardData(pan, expiry, track2);
        } catch (CardDataException e) {
            if (wipeOnFailure) {
                wipe(pan);
                wipe(expiry);
                wipe(track2);
            }
            throw e;
        }
    }

    /** The PAN digits as ASCII bytes (a copy the caller should wipe). */
    public byte[] pan() {
        checkNotDestroyed();
        return pan.clone();
    }

    /** The PAN as characters (a copy the caller should wipe). */
    public char[] panChars() {
        checkNotDestroyed();
        char[] chars = new char[pan.length];
        for (int i = 0; i < pan.length; i++) {
            chars[i] = (char) pan[i];
        }
        return chars;
    }

    /** The expiry, YYMM. */
    public String expiry() {
        checkNotDestroyed();
        return new String(expiry, StandardCharsets.US_ASCII);
    }

    /** Whether track 2 equivalent data is present. */
    public boolean hasTrack2() {
        return track2 != null;
    }

    /** Track 2 equivalent data as ASCII bytes with the separator {@code D} (a copy), or null. */
    public byte[] track2() {
        checkNotDestroyed();
        return track2 == null ? null : track2.clone();
    }

    /** The PAN's first six and last four digits with the rest as {@code *}. */
    public String maskedPan() {
        checkNotDestroyed();
        StringBuilder masked = new StringBuilder(pan.length);
        for (int i = 0; i < pan.length; i++) {
            masked.append(i < 6 || i >= pan.length - 4 ? (char) pan[i] : '*');
        }
        return masked.toString();
    }

    byte[] panBytes() {
        checkNotDestroyed();
        return pan;
    }

    byte[] expiryBytes() {
        checkNotDestroyed();
        return expiry;
    }

    byte[] track2Bytes() {
        checkNotDestroyed();
        return track2;
    }

    @Override
    public void destroy() {
        wipe(pan);
        wipe(expiry);
        wipe(track2);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        if (destroyed) {
            return "CardData[destroyed]";
        }
        return "CardData[pan=" + maskedPan() + (track2 != null ? ", track2 present" : "") + "]";
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("the card data has been destroyed");
        }
    }

    private static boolean digits(byte[] bytes) {
        for (byte b : bytes) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(CharSequence text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) '?';
        }
        return bytes;
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
