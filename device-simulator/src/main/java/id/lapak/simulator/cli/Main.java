package id.lapak.simulator.cli;

import java.nio.file.Path;

/** Entry point of {@code bin/lapak-device}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        var cli = new Cli(System.out, System.err, Path.of(System.getProperty("user.home"), ".lapak-device"));
        int status = cli.run(args);
        System.out.flush();
        System.exit(status);
    }
}
