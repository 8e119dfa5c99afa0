package id.lapak.cardcrypto.cli;

import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesDukpt;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.cardcrypto.tr31.KeyBlockHeader;
import id.lapak.cardcrypto.tr31.KeyBlocks;
import id.lapak.cardcrypto.tr31.OptionalBlock;
import id.lapak.cardcrypto.tr31.UnwrappedKey;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of {@code bin/lapak-keys}. Keys go in and out as hex (any case in, uppercase out); a derived key is
 * printed alone on stdout. Exit codes: 0 success, 64 wrong command line, 65 bad data (not hex, wrong length,
 * unusable KSN, key block that does not verify).
 */
public final class Main {

    static final int OK = 0;
    static final int USAGE = 64;
    static final int BAD_DATA = 65;

    static final String HELP = """
            usage: lapak-keys <command> [options]

              dukpt initial-key --alg aes128|aes192|aes256 --bdk HEX --ksn HEX24
              dukpt initial-key --alg tdes --bdk HEX32 --ksn HEX20
                  the reader's initial key (TDES: the IPEK); an AES KSN is the 8-byte initial key ID and a 4-byte
                  counter, and the counter is ignored here
              dukpt working-key --alg aes128|aes192|aes256|tdes --bdk HEX --ksn HEX --usage USAGE
                  the working key at the KSN's counter; USAGE is pin, mac-gen or data-encrypt, and for AES also
                  mac-verify, mac-both, data-decrypt, data-both or key-encryption. AES working keys have the
                  type of --alg; TDES uses the X9.24-1:2009 request variants (the data key with its one-way step)
              kcv --alg aes128|aes192|aes256|tdes --key HEX [--method cmac|legacy]
                  key check value: AES defaults to CMAC (5 bytes), TDES to legacy (3 bytes), per X9.24-1:2017
              tr31 unwrap --kbpk HEX BLOCK
                  a version D key block: its header fields, one per line, then the key alone on the last line
              tr31 wrap --kbpk HEX --key HEX --usage B1 --algorithm A --mode X
                        [--version 00] [--exportability E] [--key-length hide|reveal]
                        [--ik HEX16] [--ks HEX] [--kc cmac|legacy] [--kp cmac|legacy]
                        [--hm sha256|HEX2] [--ts now|YYYYMMDDhhmmssZ] [--ct CERT.pem]
                  a version D key block (ANSI X9.143). --key-length hide (default) pads the key data as for the
                  longest key of the algorithm (AES 32, TDES 24 bytes) so the block does not tell the key's
                  length; reveal pads only to whole blocks. Optional blocks: IK initial key ID (AES DUKPT),
                  KS key set ID (TDES DUKPT), KC check value of the wrapped key and KP of the KBPK (cmac: 01 +
                  5 bytes, legacy: 00 + 3 bytes), HM hash of an HMAC key (sha1, sha224, sha256, sha384, sha512,
                  sha512/224, sha512/256, sha3-224, sha3-256, sha3-384, or the X9.143 code), TS time stamp (UTC),
                  CT the X.509 certificate(s) of a PEM or DER file (a chain when there are several). Blocks over
                  255 characters use the extended length form (00, 04, four hex digits of length).

            exit status: 0 ok, 64 usage, 65 bad data
            """;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    int run(String... args) {
        List<String> list = Arrays.asList(args);
        try {
            if (list.isEmpty()) {
                throw new UsageException("a command is needed");
            }
            if (list.getFirst().equals("help")
                    || list.getFirst().equals("--help")
                    || list.getFirst().equals("-h")) {
                out.print(HELP);
                return OK;
            }
            if (list.size() < 2 && !list.getFirst().equals("kcv")) {
                throw new UsageException("'" + list.getFirst() + "' needs a subcommand");
            }
            switch (list.getFirst()) {
                case "dukpt" -> dukpt(list.get(1), list.subList(2, list.size()));
                case "kcv" -> kcv(list.subList(1, list.size()));
                case "tr31" -> tr31(list.get(1), list.subList(2, list.size()));
                default -> throw new UsageException("unknown command '" + list.getFirst() + "'");
            }
            return OK;
        } catch (UsageException e) {
            err.println("lapak-keys: " + e.getMessage());
            err.println("run 'lapak-keys help' for the commands");
            return USAGE;
        } catch (IllegalArgumentException | CardCryptoException e) {
            err.println("lapak-keys: " + e.getMessage());
            return BAD_DATA;
        }
    }

    private void dukpt(String subcommand, List<String> rest) {
        switch (subcommand) {
            case "initial-key" -> {
                Args args = Args.parse(rest, Set.of("alg", "bdk", "ksn"));
                noPositional(args);
                String alg = alg(args);
                if (alg.equals("tdes")) {
                    try (KeyBytes bdk = key(args.required("bdk"), "BDK", 16);
                            KeyBytes ipek = TdesDukpt.initialKey(bdk, TdesKsn.fromHex(args.required("ksn")))) {
                        out.println(ipek.toHex());
                    }
                } else {
                    try (KeyBytes bdk = key(
                                    args.required("bdk"), "BDK", aesType(alg).bytes());
                            KeyBytes ik = AesDukpt.initialKey(
                                    bdk, AesKsn.fromHex(args.required("ksn")).initialKeyId())) {
                        out.println(ik.toHex());
                    }
                }
            }
            case "working-key" -> {
                Args args = Args.parse(rest, Set.of("alg", "bdk", "ksn", "usage"));
                noPositional(args);
                String alg = alg(args);
                String usage = args.required("usage").toLowerCase(Locale.ROOT);
                if (alg.equals("tdes")) {
                    TdesKeyUsage tdesUsage = switch (usage) {
                        case "pin" -> TdesKeyUsage.PIN;
                        case "mac-gen" -> TdesKeyUsage.MAC_REQUEST;
                        case "data-encrypt" -> TdesKeyUsage.DATA_REQUEST;
                        default -> throw new UsageException("TDES DUKPT usages are pin, mac-gen and data-encrypt");
                    };
                    try (KeyBytes bdk = key(args.required("bdk"), "BDK", 16);
                            KeyBytes key = TdesDukpt.workingKeyFromBdk(
                                    bdk, TdesKsn.fromHex(args.required("ksn")), tdesUsage)) {
                        out.println(key.toHex());
                    }
                } else {
                    AesKeyUsage aesUsage = switch (usage) {
                        case "pin" -> AesKeyUsage.PIN_ENCRYPTION;
                        case "mac-gen" -> AesKeyUsage.MAC_GENERATION;
                        case "mac-verify" -> AesKeyUsage.MAC_VERIFICATION;
                        case "mac-both" -> AesKeyUsage.MAC_BOTH;
                        case "data-encrypt" -> AesKeyUsage.DATA_ENCRYPT;
                        case "data-decrypt" -> AesKeyUsage.DATA_DECRYPT;
                        case "data-both" -> AesKeyUsage.DATA_BOTH;
                        case "key-encryption" -> AesKeyUsage.KEY_ENCRYPTION;
                        default -> throw new UsageException("unknown AES DUKPT usage '" + usage + "'");
                    };
                    AesKeyType type = aesType(alg);
                    try (KeyBytes bdk = key(args.required("bdk"), "BDK", type.bytes());
                            KeyBytes key = AesDukpt.workingKeyFromBdk(
                                    bdk, AesKsn.fromHex(args.required("ksn")), aesUsage, type)) {
                        out.println(key.toHex());
                    }
                }
            }
            default -> throw new UsageException("unknown dukpt subcommand '" + subcommand + "'");
        }
    }

    private void kcv(List<String> rest) {
        Args args = Args.parse(rest, Set.of("alg", "key", "method"));
        noPositional(args);
        String alg = alg(args);
        boolean tdes = alg.equals("tdes");
        String method = args.optional("method", tdes ? "legacy" : "cmac").toLowerCase(Locale.ROOT);
        if (!method.equals("legacy") && !method.equals("cmac")) {
            throw new UsageException("--method is cmac or legacy");
        }
        try (KeyBytes key = tdes
                ? tdesKey(args.required("key"))
                : key(args.required("key"), "key", aesType(alg).bytes())) {
            byte[] kcv = tdes
                    ? (method.equals("cmac") ? Kcv.tdesCmac(key) : Kcv.tdesLegacy(key))
                    : (method.equals("cmac") ? Kcv.aesCmac(key) : Kcv.aesLegacy(key));
            out.println(Hex.encode(kcv));
        }
    }

    private void tr31(String subcommand, List<String> rest) {
        switch (subcommand) {
            case "unwrap" -> {
                Args args = Args.parse(rest, Set.of("kbpk"));
                if (args.positional().size() != 1) {
                    throw new UsageException("tr31 unwrap takes exactly one key block");
                }
                try (KeyBytes kbpk = KeyBytes.fromHex(args.required("kbpk"), "KBPK");
                        UnwrappedKey unwrapped = KeyBlocks.unwrap(
                                kbpk, args.positional().getFirst().trim())) {
                    KeyBlockHeader h = unwrapped.header();
                    out.println("version: D");
                    out.println("key usage: " + h.keyUsage());
                    out.println("algorithm: " + h.algorithm());
                    out.println("mode of use: " + h.modeOfUse());
                    out.println("key version: " + h.keyVersion());
                    out.println("exportability: " + h.exportability());
                    out.println("key context: " + h.keyContext());
                    for (OptionalBlock block : h.optionalBlocks()) {
                        if (!block.id().equals(OptionalBlock.PADDING)) {
                            out.println("optional block " + block.id() + ": " + block.data());
                        }
                    }
                    out.println(unwrapped.key().toHex());
                }
            }
            case "wrap" -> {
                Args args = Args.parse(rest, WrapOptions.NAMES);
                noPositional(args);
                boolean hide = WrapOptions.hideKeyLength(args);
                try (KeyBytes kbpk = KeyBytes.fromHex(args.required("kbpk"), "KBPK");
                        KeyBytes key = KeyBytes.fromHex(args.required("key"), "key")) {
                    KeyBlockHeader header = WrapOptions.header(args, kbpk, key, Instant.now());
                    out.println(KeyBlocks.wrap(kbpk, header, key, hide));
                }
            }
            default -> throw new UsageException("unknown tr31 subcommand '" + subcommand + "'");
        }
    }

    private static String alg(Args args) {
        String alg = args.required("alg").toLowerCase(Locale.ROOT);
        if (!Set.of("aes128", "aes192", "aes256", "tdes").contains(alg)) {
            throw new UsageException("--alg is aes128, aes192, aes256 or tdes");
        }
        return alg;
    }

    private static AesKeyType aesType(String alg) {
        return switch (alg) {
            case "aes128" -> AesKeyType.AES128;
            case "aes192" -> AesKeyType.AES192;
            default -> AesKeyType.AES256;
        };
    }

    private static KeyBytes key(String hex, String what, int bytes) {
        return KeyBytes.wrap(Hex.decode(hex, what, bytes));
    }

    private static KeyBytes tdesKey(String hex) {
        byte[] key = Hex.decode(hex, "key");
        if (key.length != 16 && key.length != 24) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("a TDES key must be 32 or 48 hex digits, got " + length * 2);
        }
        return KeyBytes.wrap(key);
    }

    private static char single(String value, String option) {
        if (value.length() != 1) {
            throw new UsageException(option + " is one character");
        }
        return Character.toUpperCase(value.charAt(0));
    }

    private static void noPositional(Args args) {
        if (!args.positional().isEmpty()) {
            // Not echoed: a stray argument is often a key that lost its option name.
            throw new UsageException("unexpected argument without an option name; values go after --bdk, --key, ...");
        }
    }
}
