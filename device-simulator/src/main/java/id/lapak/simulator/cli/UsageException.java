package id.lapak.simulator.cli;

/** The command line itself is wrong; reported with the command's usage and exit code 64 (EX_USAGE). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
