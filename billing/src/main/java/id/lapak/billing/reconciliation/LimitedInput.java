package id.lapak.billing.reconciliation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The uploaded bytes as they stream past: counted (more than the limit stops the read at once, so a 200 MB file is
 * never held) and hashed (SHA-256, the file's identity for "imported before").
 */
final class LimitedInput extends FilterInputStream {

    private final long limit;
    private final MessageDigest digest;
    private long count;

    LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw new ReconciliationFileException("file_too_large", 0, (limit / (1024 * 1024)) + " MB");
        }
    }

    long count() {
        return count;
    }

    byte[] sha256() {
        return digest.digest();
    }
}
