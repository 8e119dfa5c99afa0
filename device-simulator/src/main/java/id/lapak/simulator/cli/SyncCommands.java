package id.lapak.simulator.cli;

import static id.lapak.simulator.cli.Cli.API_ERROR;
import static id.lapak.simulator.cli.Cli.OK;

import id.lapak.simulator.ApiException;
import id.lapak.simulator.CachedConfig;
import id.lapak.simulator.CatalogSync;
import id.lapak.simulator.ConfigResult;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import id.lapak.simulator.Heartbeat;
import id.lapak.simulator.HeartbeatResult;
import id.lapak.simulator.Pairing;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The commands that keep a device in step with the server: configuration, catalog, images and heartbeats. */
final class SyncCommands {

    private final PrintStream out;
    private final PrintStream err;
    private final Output output;

    SyncCommands(Output output) {
        this.out = output.out;
        this.err = output.err;
        this.output = output;
    }

    int config(Args args, DeviceHome home) {
        ConfigResult config = DeviceClient.forHome(home).config();
        if (config.notModified()) {
            out.println("config unchanged (version " + config.version() + ")");
        }
        if (config.json() != null) {
            out.println(Output.pretty(config.json()));
        }
        return OK;
    }

    int catalog(Args args, DeviceHome home) {
        String limit = args.get("limit", null);
        CatalogSync sync = DeviceClient.forHome(home)
                .catalog()
                .sync(
                        args.get("since", "0"),
                        limit == null ? null : args.integer("limit", 10_000, 1, 50_000),
                        change -> {});
        out.println("catalog synced: " + sync.changes() + " changes in " + sync.pages() + " pages, " + sync.millis()
                + " ms");
        sync.byType().forEach((type, n) -> out.println("  " + type + " " + n));
        out.println("  deletions " + sync.deletions());
        out.println("catalog version " + sync.version());
        return OK;
    }

    int image(Args args, DeviceHome home) {
        UUID item;
        try {
            item = UUID.fromString(args.require("item"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--item is an item id (a UUID)");
        }
        Path target = Path.of(args.require("out"));
        var image = DeviceClient.forHome(home).catalog().image(item, args.get("if-none-match", null));
        if (image.status() == 304) {
            out.println("unchanged (" + image.etag() + ")");
            return OK;
        }
        try {
            Files.write(target, image.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        out.println(
                image.contentType() + ", " + image.data().length + " bytes, ETag " + image.etag() + " -> " + target);
        return OK;
    }

    int heartbeat(Args args, DeviceHome home) {
        Pairing pairing = home.pairing();
        Heartbeat heartbeat =
                heartbeatFrom(args, pairing, home.offlinePayments().size());
        HeartbeatResult result = DeviceClient.forHome(home).heartbeat(heartbeat);
        out.println(Output.pretty(result.json()));
        return OK;
    }

    /** {@code pendingOffline}: the offline payments the home holds, reported unless --pending says otherwise. */
    private static Heartbeat heartbeatFrom(Args args, Pairing pairing, int pendingOffline) {
        String appVersion = pairing.facts() != null && pairing.facts().appVersion() != null
                ? pairing.facts().appVersion()
                : "1.0.0";
        Heartbeat typical = Heartbeat.typical(appVersion);
        return new Heartbeat(
                args.integer("battery", typical.batteryPercent(), 0, 100),
                args.flag("charging"),
                args.get("app-version", typical.appVersion()),
                args.get("reader-firmware", typical.readerFirmware()),
                connectivity(args.get("connectivity", typical.connectivity().name())),
                args.integer("signal", typical.signalStrength(), -200, 0),
                args.integer("pending", pendingOffline, 0, Integer.MAX_VALUE),
                null);
    }

    private static Heartbeat.Connectivity connectivity(String value) {
        try {
            return Heartbeat.Connectivity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--connectivity must be WIFI, CELLULAR, ETHERNET or NONE, got '" + value + "'");
        }
    }

    int run(Args args, DeviceHome home) {
        int interval = args.integer("interval", 30, 1, 86_400);
        int count = args.integer("count", 0, 1, Integer.MAX_VALUE);
        DeviceClient client = DeviceClient.forHome(home);
        Heartbeat heartbeat =
                heartbeatFrom(args, home.pairing(), home.offlinePayments().size());

        var stop = new AtomicBoolean();
        var finished = new CountDownLatch(1);
        Thread loop = Thread.currentThread();
        // Ctrl-C: let the current request end or be interrupted, then print the summary before the JVM goes.
        Thread hook = new Thread(() -> {
            stop.set(true);
            loop.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int sent = 0;
        int status = OK;
        try {
            while (!stop.get() && (count == 0 || sent < count)) {
                sent++;
                status = beat(client, home, heartbeat, sent);
                if (status != OK || stop.get() || (count != 0 && sent >= count)) {
                    break;
                }
                try {
                    Thread.sleep(Duration.ofSeconds(interval));
                } catch (InterruptedException e) {
                    break;
                }
            }
            out.println("stopped after " + sent + " heartbeat" + (sent == 1 ? "" : "s"));
            out.flush();
            return status;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is running; nothing to remove
            }
            Thread.interrupted();
        }
    }

    /**
     * One heartbeat and, when needed, one configuration pull. Passing trouble (no network, a busy or failing
     * server, a token the server no longer takes) is reported and the loop goes on, as a device would; any other
     * refusal (revoked, retired, suspended) ends it.
     */
    private int beat(DeviceClient client, DeviceHome home, Heartbeat heartbeat, int number) {
        try {
            HeartbeatResult result = client.heartbeat(heartbeat);
            long held = home.config().map(CachedConfig::version).orElse(-1L);
            out.println(Instant.now() + " heartbeat " + number + ": server config version " + result.configVersion());
            if (result.configVersion() != held) {
                ConfigResult config = client.config();
                out.println(Instant.now() + " config " + (config.notModified() ? "unchanged" : "updated") + " (version "
                        + config.version() + ")");
            }
            return OK;
        } catch (DeviceNetworkException e) {
            if (!Thread.currentThread().isInterrupted()) {
                err.println(Instant.now() + " heartbeat " + number + ": " + e.getMessage());
            }
            return OK;
        } catch (ApiException e) {
            if (e.status() >= 500 || e.status() == 429) {
                output.printProblem(e);
                return OK;
            }
            if ("token_expired".equals(e.reason()) || "token_invalid".equals(e.reason())) {
                output.printProblem(e);
                home.clearToken();
                return OK;
            }
            output.printProblem(e);
            return API_ERROR;
        }
    }
}
