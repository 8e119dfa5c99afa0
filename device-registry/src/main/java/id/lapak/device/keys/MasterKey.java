package id.lapak.device.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The AES-256 key that wraps every BDK, kept in a PKCS#12 file ({@code lapak.keys.master-keystore}, password
 * {@code lapak.keys.master-password}) and created there on first start when the file is missing. Wrapping is
 * AES-256-GCM: a random 12-byte nonce, then the ciphertext with its 16-byte tag; the caller's associated data binds
 * a wrapped key to its row, so a wrapped BDK copied to another tenant or version does not open.
 */
@Component
@ConditionalOnProperty(name = "lapak.keys.store", havingValue = "software", matchIfMissing = true)
class MasterKey {

    static final String ALIAS = "lapak-reader-bdk-master-1";
    static final String DEV_ONLY_PASSWORD = "dev-only-master-password-change-me";

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    MasterKey(
            @Value("${lapak.keys.master-keystore}") String location,
            @Value("${lapak.keys.master-password}") String password) {
        // A plain file path, relative to the working directory: Spring's String-to-Path conversion reads it as a
        // resource location and refuses one that starts with "..", as the local default does.
        Path file = Path.of(location.strip()).toAbsolutePath().normalize();
        if (DEV_ONLY_PASSWORD.equals(password)) {
            log.warn("The reader key master keystore uses the development password; set LAPAK_KEYS_MASTER_PASSWORD");
        }
        char[] pw = password.toCharArray();
        try {
            this.key = Files.isRegularFile(file) ? load(file, pw) : create(file, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    String alias() {
        return ALIAS;
    }

    byte[] wrap(byte[] clear, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(associatedData);
            byte[] sealed = gcm.doFinal(clear);
            return ByteBuffer.allocate(NONCE_LENGTH + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "wrapping under the master key failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A 32-byte key derived from the master key for one purpose (HMAC-SHA256 of the master key over
     * {@code "lapak derived key|" + purpose}, the HKDF-Expand step with a single block); the caller wipes it.
     */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(("lapak derived key|" + purpose).getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "deriving from the master key failed: " + e.getClass().getSimpleName());
        }
    }

    /** The clear key; the caller wipes it. */
    byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_LENGTH));
            gcm.updateAAD(associatedData);
            return gcm.doFinal(wrapped, NONCE_LENGTH, wrapped.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a wrapped key does not open under the master key (wrong master key, "
                    + "or the row was altered or moved)");
        }
    }

    private static SecretKey load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(ALIAS, password) instanceof SecretKey secret)) {
                throw new IllegalStateException("the master keystore " + file + " holds no key " + ALIAS);
            }
            return secret;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the master keystore " + file + " cannot be opened (wrong password?): "
                    + e.getClass().getSimpleName());
        }
    }

    private static SecretKey create(Path file, char[] password) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey secret = generator.generateKey();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(secret), new KeyStore.PasswordProtection(password));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path temp = posix
                    ? Files.createTempFile(
                            dir,
                            ".master-key",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".master-key", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    store.store(out, password);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Created the reader key master keystore {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot create the master key: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + ALIAS + "]";
    }
}
