package id.lapak.cardcrypto.tr31;

/**
 * One optional header block: a two-character ID ({@code IK} initial key ID, {@code KS} key set / initial KSN,
 * {@code KC} check value, {@code PB} padding, ...) and its printable ASCII data. Optional blocks travel in the
 * clear (authenticated, not encrypted), so they never hold secrets.
 */
public record OptionalBlock(String id, String data) {

    public static final String INITIAL_KEY_ID = "IK";
    public static final String KEY_SET_ID = "KS";
    public static final String PADDING = "PB";

    public OptionalBlock {
        if (id == null || id.length() != 2 || !isAlphanumeric(id)) {
            throw new IllegalArgumentException("an optional block ID is two letters or digits");
        }
        if (data == null || !isPrintable(data)) {
            throw new IllegalArgumentException("optional block " + id + " data must be printable ASCII");
        }
        OptionalBlockRules.check(id, data);
    }

    /**
     * ID, length and data as they appear in the header. The length counts the whole block (ID and length fields
     * included) in two hex digits; a block longer than 255 characters uses X9.143's extended form: {@code 00}, the
     * number of characters of the length in two hex digits ({@code 04}), then the length in that many hex digits.
     */
    String encode() {
        int length = 4 + data.length();
        if (length <= 0xFF) {
            return id + String.format("%02X", length) + data;
        }
        int extended = 2 + 2 + 2 + 4 + data.length();
        if (extended > 0xFFFF) {
            throw new IllegalArgumentException("optional block " + id + " is too long");
        }
        return id + "0004" + String.format("%04X", extended) + data;
    }

    static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
