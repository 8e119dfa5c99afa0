package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.BlockCiphers;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;

/** ISO 9564 format 0 PIN blocks, to check PIN keys the way a terminal would use them. */
final class IsoPinBlock {

    private IsoPinBlock() {}

    /** PIN field {@code 0L PPPP FFFF...} XOR PAN field {@code 0000} + the 12 PAN digits left of the check digit. */
    static byte[] format0(String pin, String pan) {
        String pinField = ("0" + Integer.toHexString(pin.length()) + pin + "F".repeat(14)).substring(0, 16);
        String panDigits = pan.substring(pan.length() - 13, pan.length() - 1);
        byte[] pinBytes = Hex.decode(pinField, "PIN field");
        byte[] panBytes = Hex.decode("0000" + panDigits, "PAN field");
        for (int i = 0; i < 8; i++) {
            pinBytes[i] ^= panBytes[i];
        }
        return pinBytes;
    }

    static byte[] encrypt(KeyBytes pinKey, byte[] pinBlock) {
        byte[] key = pinKey.toByteArray();
        byte[] out = new byte[8];
        BlockCiphers.tdesEncryptBlock(key, pinBlock, 0, out, 0);
        return out;
    }
}
