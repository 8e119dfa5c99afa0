package id.lapak.simulator.cli;

import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands of {@code lapak-device}: parses the command line and hands each command to its group
 * ({@link IdentityCommands}, {@link SyncCommands}, {@link PaymentCommands}); the help text is the resource
 * {@code help.txt}. Exit codes follow what scripts expect: 0 done, 1 local state in the way (not paired, already
 * paired), 2 the server refused, 3 the server could not be reached, 64 wrong usage.
 */
final class Cli {

    static final int OK = 0;
    static final int LOCAL_STATE = 1;
    static final int API_ERROR = 2;
    static final int NETWORK_ERROR = 3;
    static final int USAGE = 64;
    static final String PROGRAM = "lapak-device";

    private final PrintStream out;
    private final PrintStream err;
    private final Output output;
    private final Path defaultHome;
    private final CommandHelp help = CommandHelp.load();
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(PrintStream out, PrintStream err, Path defaultHome) {
        this.out = out;
        this.err = err;
        this.output = new Output(out, err);
        this.defaultHome = defaultHome;
        IdentityCommands identity = new IdentityCommands(output);
        SyncCommands sync = new SyncCommands(output);
        PaymentCommands payments = new PaymentCommands(output);
        add(
                "pair",
                Set.of(
                        "server",
                        "code",
                        "model",
                        "serial",
                        "os-version",
                        "app-version",
                        "reader-model",
                        "reader-serial"),
                Set.of("force"),
                identity::pair);
        add("token", Set.of(), Set.of("quiet"), identity::token);
        add("config", Set.of(), Set.of(), sync::config);
        add("catalog", Set.of("since", "limit"), Set.of(), sync::catalog);
        add("image", Set.of("item", "out", "if-none-match"), Set.of(), sync::image);
        add(
                "heartbeat",
                Set.of("battery", "app-version", "reader-firmware", "connectivity", "signal", "pending"),
                Set.of("charging"),
                sync::heartbeat);
        add("run", Set.of("interval", "count"), Set.of(), sync::run);
        add("keys", Set.of("alg", "reader-serial"), Set.of(), payments::keys);
        add("encrypt-card", Set.of("counter", "pan", "expiry", "track2"), Set.of(), payments::encryptCard);
        add(
                "pay",
                Set.of(
                        "amount",
                        "card",
                        "expiry",
                        "entry",
                        "tip",
                        "currency",
                        "key",
                        "count",
                        "concurrency",
                        "cashier",
                        "variant",
                        "quantity",
                        "price",
                        "discount"),
                Set.of("offline"),
                payments::pay);
        add(
                "load",
                Set.of("homes", "amount", "count", "warmup", "concurrency", "card", "expiry", "entry", "line"),
                Set.of(),
                payments::load);
        add("upload", Set.of(), Set.of(), payments::upload);
        add("status", Set.of(), Set.of(), identity::status);
    }

    int run(String... argv) {
        if (argv.length == 0) {
            err.println(PROGRAM + ": a command is required");
            printOverview(err);
            return USAGE;
        }
        String name = argv[0];
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (isHelp(name) || name.equals("help")) {
            if (!rest.isEmpty() && commands.containsKey(rest.getFirst())) {
                printUsage(out, commands.get(rest.getFirst()));
            } else {
                printOverview(out);
            }
            return OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println(PROGRAM + ": unknown command '" + name + "'");
            printOverview(err);
            return USAGE;
        }
        if (rest.stream().anyMatch(Cli::isHelp)) {
            printUsage(out, command);
            return OK;
        }
        try {
            var valueOptions = new HashSet<>(command.options());
            valueOptions.add("home");
            Args args = Args.parse(rest, valueOptions, command.flags());
            DeviceHome home = new DeviceHome(homePath(args.get("home", null)));
            return command.handler().run(args, home);
        } catch (UsageException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            err.println("usage: " + PROGRAM + " "
                    + command.usage().lines().findFirst().orElse(name));
            return USAGE;
        } catch (ApiException e) {
            output.printProblem(e);
            return API_ERROR;
        } catch (DeviceNetworkException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            return NETWORK_ERROR;
        } catch (CardCryptoException e) {
            err.println(PROGRAM + " " + name + ": refused the server's key: " + e.getMessage());
            return API_ERROR;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            return LOCAL_STATE;
        }
    }

    private Path homePath(String option) {
        if (option == null) {
            return defaultHome;
        }
        if (option.isBlank()) {
            throw new UsageException("--home needs a folder");
        }
        if (option.equals("~") || option.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), option.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(option);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private void printOverview(PrintStream stream) {
        stream.println("usage: " + PROGRAM + " COMMAND [options] [--home DIR]");
        stream.println();
        stream.println("A simulated Lapak device speaking the device API over HTTP. Its identity and caches live");
        stream.println("in --home (default " + defaultHome + ").");
        stream.println();
        stream.println("commands:");
        commands.values().forEach(c -> stream.printf("  %-10s %s%n", c.name(), c.summary()));
        stream.println();
        stream.println("'" + PROGRAM + " COMMAND --help' shows a command's options.");
        stream.println("exit codes: 0 ok, 1 local state, 2 refused by the server, 3 network, 64 usage");
    }

    private void printUsage(PrintStream stream, Command command) {
        stream.println("usage: " + PROGRAM + " " + command.usage());
        stream.println();
        stream.println("  --home DIR   where the device keeps its state (default " + defaultHome + ")");
    }

    private void add(String name, Set<String> options, Set<String> flags, Command.Handler handler) {
        CommandHelp.Entry help = this.help.of(name);
        commands.put(name, new Command(name, help.summary(), help.usage(), options, flags, handler));
    }
}
