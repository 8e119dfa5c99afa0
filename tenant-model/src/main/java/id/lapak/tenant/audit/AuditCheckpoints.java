package id.lapak.tenant.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chains, kept outside the database: each run writes a new file (never an existing
 * one) into {@code lapak.audit.checkpoint-dir}, one line per chain with its head (sequence number and keyed hash), the
 * time, and an Ed25519 signature over them. Verification trusts only lines whose signature checks with the verifying
 * key, and holds each chain to its newest checkpoint: the entry at the checkpoint's sequence number must still carry
 * the checkpoint's hash. The directory belongs on storage the database owner cannot rewrite (docs/decisions/0027).
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String FORMAT = "lapak-audit-checkpoint-v1";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One chain's head at a moment, and its signature once signed (base64; null before). */
    public record Checkpoint(String chain, long seq, byte[] head, Instant at, String signature) {

        public Checkpoint(String chain, long seq, byte[] head, Instant at) {
            this(chain, seq, head, at, null);
        }

        /** The signed line as it stands in the checkpoint file. */
        public String line() {
            return signedText() + "\t" + signature;
        }

        String signedText() {
            return String.join(
                    "\t",
                    FORMAT,
                    chain,
                    Long.toString(seq),
                    head == null ? "-" : HexFormat.of().formatHex(head),
                    at.toString());
        }
    }

    private final Path directory;
    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;

    public AuditCheckpoints(
            @Value("${lapak.audit.checkpoint-dir}") String directory,
            @Value("${lapak.audit.checkpoint-signing-key}") String signingKey,
            @Value("${lapak.audit.checkpoint-verifying-key}") String verifyingKey) {
        this.directory = Path.of(directory);
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            this.signingKey = ed25519.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey)));
            this.verifyingKey = ed25519.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(verifyingKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "lapak.audit.checkpoint-signing-key and -verifying-key must be an Ed25519 "
                            + "key pair (PKCS#8 and X.509, base64)",
                    e);
        }
    }

    /** Where the checkpoint files are written. */
    public Path directory() {
        return directory;
    }

    /** Writes the heads into a new signed file and returns it. */
    public Path write(List<Checkpoint> heads, Instant at) {
        try {
            Files.createDirectories(directory);
            StringBuilder text = new StringBuilder();
            for (Checkpoint head : heads) {
                String signed = head.signedText();
                text.append(signed).append('\t').append(sign(signed)).append('\n');
            }
            Path file = directory.resolve("checkpoint-" + FILE_TIME.format(at) + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + ".tsv");
            Files.writeString(
                    file,
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write an audit checkpoint into " + directory, e);
        }
    }

    /** The newest checkpoint of each chain whose signature checks (lines that do not are logged and ignored). */
    public Map<String, Checkpoint> latest() {
        Map<String, Checkpoint> newest = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return newest;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(line)
                            .ifPresentOrElse(
                                    checkpoint -> newest.merge(
                                            checkpoint.chain(),
                                            checkpoint,
                                            (a, b) ->
                                                    b.seq() > a.seq() || (b.seq() == a.seq() && b.at().isAfter(a.at()))
                                                            ? b
                                                            : a),
                                    () -> log.warn(
                                            "An audit checkpoint line in {} is not signed by the checkpoint key",
                                            file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoints in " + directory, e);
        }
        return newest;
    }

    private Optional<Checkpoint> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        String[] parts = line.split("\t");
        if (parts.length != 6 || !FORMAT.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            Checkpoint checkpoint = new Checkpoint(
                    parts[1],
                    Long.parseLong(parts[2]),
                    "-".equals(parts[3]) ? null : HexFormat.of().parseHex(parts[3]),
                    Instant.parse(parts[4]),
                    parts[5]);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(verifyingKey);
            verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(parts[5])) ? Optional.of(checkpoint) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
