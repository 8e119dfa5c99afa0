package id.lapak.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder a device keeps its identity and caches in: {@code device.json} (who it is), {@code device.key} (the
 * PKCS#8 private key, base64), {@code token.json}, {@code config.json} and {@code reader-key.json} (the reader's
 * initial key). The folder is created {@code 0700} and
 * every file {@code 0600}, since the key and the token each let anyone act as the device.
 */
public class DeviceHome {

    static final String DEVICE_FILE = "device.json";
    static final String KEY_FILE = "device.key";
    static final String TOKEN_FILE = "token.json";
    static final String CONFIG_FILE = "config.json";
    static final String READER_KEY_FILE = "reader-key.json";
    static final String COUNTER_FILE = "reader-counter.txt";
    static final String OFFLINE_FILE = "offline-payments.json";

    private static final FileAttribute<?> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path dir;
    /**
     * Files parsed by this process, kept while the file on disk is the same one (same inode, time and size): a
     * long-running simulator (the load generator) does not parse its token and reader key for every payment, and
     * still sees what another process writes, since every write replaces the file.
     */
    private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(Object fileKey, FileTime modified, long size, Object value) {}

    public DeviceHome(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code ~/.lapak-device}. */
    public static DeviceHome defaultHome() {
        return new DeviceHome(Path.of(System.getProperty("user.home"), ".lapak-device"));
    }

    public Path dir() {
        return dir;
    }

    public boolean isPaired() {
        return Files.isRegularFile(dir.resolve(DEVICE_FILE)) && Files.isRegularFile(dir.resolve(KEY_FILE));
    }

    public Optional<Pairing> findPairing() {
        return isPaired() ? Optional.of(read(DEVICE_FILE, Pairing.class)) : Optional.empty();
    }

    /** This device's identity; fails when the folder holds none. */
    public Pairing pairing() {
        return findPairing().orElseThrow(() -> new IllegalStateException("not paired: " + dir + " holds no device"));
    }

    public KeyPair keyPair() {
        Pairing pairing = pairing();
        try {
            var keys = KeyFactory.getInstance("EC");
            byte[] privateDer = Base64.getDecoder().decode(readString(KEY_FILE).strip());
            byte[] publicDer = Base64.getDecoder().decode(pairing.publicKey());
            return new KeyPair(
                    keys.generatePublic(new X509EncodedKeySpec(publicDer)),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(privateDer)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the key in " + dir.resolve(KEY_FILE) + " cannot be read", e);
        }
    }

    /**
     * Stores a new identity. The key is written first so a crash never leaves a device without its key; the
     * caches of the previous identity are dropped, they belong to another device.
     */
    public void savePairing(Pairing pairing, KeyPair keyPair) {
        clearCaches();
        writeString(
                KEY_FILE,
                Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded()) + "\n");
        write(DEVICE_FILE, pairing);
    }

    public Optional<CachedToken> token() {
        return exists(TOKEN_FILE) ? Optional.of(read(TOKEN_FILE, CachedToken.class)) : Optional.empty();
    }

    public void saveToken(CachedToken token) {
        write(TOKEN_FILE, token);
    }

    public void clearToken() {
        delete(TOKEN_FILE);
    }

    public Optional<CachedConfig> config() {
        return exists(CONFIG_FILE) ? Optional.of(read(CONFIG_FILE, CachedConfig.class)) : Optional.empty();
    }

    public void saveConfig(CachedConfig config) {
        write(CONFIG_FILE, config);
    }

    public Optional<ReaderKey> readerKey() {
        return exists(READER_KEY_FILE) ? Optional.of(read(READER_KEY_FILE, ReaderKey.class)) : Optional.empty();
    }

    public void saveReaderKey(ReaderKey key) {
        write(READER_KEY_FILE, key);
    }

    /**
     * The reader's next DUKPT transaction counter, never used before by this home: counters with more one bits
     * than the KSN allows (16 for AES, 10 for TDES) are skipped. Safe for several threads of one process.
     */
    public synchronized long nextTransactionCounter() {
        return reserveTransactionCounters(1)[0];
    }

    /**
     * The next {@code n} transaction counters, reserved with one write of the counter file: a load generator takes
     * them in blocks. Counters reserved and not used are skipped for good, which DUKPT allows.
     */
    public synchronized long[] reserveTransactionCounters(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("reserve at least one counter");
        }
        int maxOneBits = readerKey().map(k -> "AES128".equals(k.algorithm())).orElse(true) ? 16 : 10;
        long counter =
                exists(COUNTER_FILE) ? Long.parseLong(readString(COUNTER_FILE).strip()) : 0;
        long[] reserved = new long[n];
        for (int i = 0; i < n; i++) {
            do {
                counter++;
            } while (Long.bitCount(counter) > maxOneBits);
            reserved[i] = counter;
        }
        writeString(COUNTER_FILE, counter + "\n");
        return reserved;
    }

    /** Payments taken offline and not uploaded yet (encrypted request bodies), oldest first. */
    public synchronized List<String> offlinePayments() {
        if (!exists(OFFLINE_FILE)) {
            return List.of();
        }
        return Arrays.asList(Json.MAPPER.readValue(readString(OFFLINE_FILE), String[].class));
    }

    public synchronized void addOfflinePayment(String json) {
        var all = new ArrayList<>(offlinePayments());
        all.add(json);
        write(OFFLINE_FILE, all);
    }

    public synchronized void removeOfflinePayment(String idempotencyKey) {
        var all = new ArrayList<>(offlinePayments());
        all.removeIf(json -> idempotencyKey.equals(Json.text(Json.MAPPER.readTree(json), "idempotencyKey")));
        write(OFFLINE_FILE, all);
    }

    /** Forgets the identity and everything cached for it, e.g. before pairing again. */
    public void reset() {
        for (String file :
                List.of(DEVICE_FILE, KEY_FILE, TOKEN_FILE, CONFIG_FILE, READER_KEY_FILE, COUNTER_FILE, OFFLINE_FILE)) {
            delete(file);
        }
    }

    private void clearCaches() {
        delete(TOKEN_FILE);
        delete(CONFIG_FILE);
        delete(READER_KEY_FILE);
        delete(COUNTER_FILE);
        delete(OFFLINE_FILE);
    }

    private boolean exists(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    private <T> T read(String file, Class<T> type) {
        Path path = dir.resolve(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Parsed known = parsed.get(file);
            if (known != null
                    && type.isInstance(known.value())
                    && known.size() == attributes.size()
                    && known.modified().equals(attributes.lastModifiedTime())
                    && Objects.equals(known.fileKey(), attributes.fileKey())) {
                return type.cast(known.value());
            }
            T value = Json.MAPPER.readValue(Files.readString(path, StandardCharsets.UTF_8), type);
            if (attributes.fileKey() != null) {
                parsed.put(
                        file,
                        new Parsed(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), value));
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readString(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, Object value) {
        writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    /** Write beside, then rename: a reader never sees half a key or half a token. */
    private void writeString(String file, String content) {
        parsed.remove(file);
        try {
            ensureDir();
            Path temp = posix()
                    ? Files.createTempFile(dir, "." + file, ".tmp", OWNER_ONLY_FILE)
                    : Files.createTempFile(dir, "." + file, ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                move(temp, dir.resolve(file));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void ensureDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        if (posix()) {
            Files.createDirectory(dir, OWNER_ONLY_FOLDER);
            // The umask may have taken bits away at creation; say exactly what is meant.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectory(dir);
        }
    }

    private void delete(String file) {
        parsed.remove(file);
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
