package id.lapak.cardcrypto.cli;

/** The command line itself is wrong; reported with exit code 64 (EX_USAGE). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
