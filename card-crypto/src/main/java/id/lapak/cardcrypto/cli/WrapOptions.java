package id.lapak.cardcrypto.cli;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.tr31.KeyBlockHeader;
import id.lapak.cardcrypto.tr31.OptionalBlock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The header of {@code tr31 wrap}: its fields and the optional blocks a key custodian asks for. */
final class WrapOptions {

    static final Set<String> NAMES = Set.of(
            "kbpk",
            "key",
            "usage",
            "algorithm",
            "mode",
            "version",
            "exportability",
            "ik",
            "ks",
            "kc",
            "kp",
            "hm",
            "ts",
            "ct",
            "key-length");

    private static final Map<String, String> HASHES = Map.of(
            "sha1",
            "10",
            "sha224",
            "20",
            "sha256",
            "21",
            "sha384",
            "22",
            "sha512",
            "23",
            "sha512/224",
            "24",
            "sha512/256",
            "25",
            "sha3-224",
            "30",
            "sha3-256",
            "31",
            "sha3-384",
            "32");
    private static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private WrapOptions() {}

    static KeyBlockHeader header(Args args, KeyBytes kbpk, KeyBytes key, Instant now) {
        char algorithm = single(args.required("algorithm"), "--algorithm");
        var blocks = new ArrayList<OptionalBlock>();
        String ik = args.optional("ik", null);
        if (ik != null) {
            blocks.add(
                    new OptionalBlock(OptionalBlock.INITIAL_KEY_ID, Hex.encode(Hex.decode(ik, "initial key ID", 8))));
        }
        String ks = args.optional("ks", null);
        if (ks != null) {
            blocks.add(new OptionalBlock(OptionalBlock.KEY_SET_ID, Hex.encode(Hex.decode(ks, "key set ID"))));
        }
        String kc = args.optional("kc", null);
        if (kc != null) {
            blocks.add(new OptionalBlock("KC", checkValue(kc, "--kc", key, algorithm)));
        }
        String kp = args.optional("kp", null);
        if (kp != null) {
            blocks.add(new OptionalBlock("KP", checkValue(kp, "--kp", kbpk, 'A')));
        }
        String hm = args.optional("hm", null);
        if (hm != null) {
            blocks.add(new OptionalBlock(
                    "HM", HASHES.getOrDefault(hm.toLowerCase(Locale.ROOT), hm.toUpperCase(Locale.ROOT))));
        }
        String ts = args.optional("ts", null);
        if (ts != null) {
            blocks.add(new OptionalBlock("TS", "now".equals(ts) ? TIME_STAMP.format(now) : ts));
        }
        String ct = args.optional("ct", null);
        if (ct != null) {
            blocks.add(new OptionalBlock("CT", certificates(Path.of(ct))));
        }
        return new KeyBlockHeader(
                args.required("usage").toUpperCase(Locale.ROOT),
                algorithm,
                single(args.required("mode"), "--mode"),
                args.optional("version", "00"),
                single(args.optional("exportability", "E"), "--exportability"),
                '0',
                blocks);
    }

    /** {@code --key-length hide} (the default) pads the key data as for the longest key of the algorithm. */
    static boolean hideKeyLength(Args args) {
        return switch (args.optional("key-length", "hide")) {
            case "hide" -> true;
            case "reveal" -> false;
            default -> throw new UsageException("--key-length is hide or reveal");
        };
    }

    private static String checkValue(String method, String option, KeyBytes key, char algorithm) {
        boolean tdes = algorithm == 'T';
        return switch (method) {
            case "cmac" -> "01" + Hex.encode(tdes ? Kcv.tdesCmac(key) : Kcv.aesCmac(key));
            case "legacy" -> "00" + Hex.encode(tdes ? Kcv.tdesLegacy(key) : Kcv.aesLegacy(key));
            default -> throw new UsageException(option + " is cmac or legacy");
        };
    }

    /** One X.509 certificate as {@code 00} + base64 DER; several (a PEM chain) as {@code 02} + entries. */
    private static String certificates(Path file) {
        Collection<? extends Certificate> certificates;
        try {
            byte[] bytes = Files.readAllBytes(file);
            certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UsageException("--ct: cannot read " + file);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("--ct: " + file + " holds no X.509 certificate (PEM or DER)");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("--ct: " + file + " holds no X.509 certificate (PEM or DER)");
        }
        List<String> encoded = new ArrayList<>();
        for (Certificate certificate : certificates) {
            try {
                encoded.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("--ct: a certificate in " + file + " cannot be encoded");
            }
        }
        if (encoded.size() == 1) {
            return "00" + encoded.getFirst();
        }
        var chain = new StringBuilder("02");
        for (String certificate : encoded) {
            chain.append("00")
                    .append(String.format("%04X", certificate.length()))
                    .append(certificate);
        }
        return chain.toString();
    }

    private static char single(String value, String option) {
        if (value.length() != 1) {
            throw new UsageException(option + " is one character");
        }
        return Character.toUpperCase(value.charAt(0));
    }
}
