package id.lapak.simulator.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import id.lapak.simulator.ApiException;
import id.lapak.simulator.CachedConfig;
import id.lapak.simulator.CatalogSync;
import id.lapak.simulator.ConfigResult;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.EncryptedCard;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import id.lapak.simulator.Heartbeat;
import id.lapak.simulator.HeartbeatResult;
import id.lapak.simulator.Pairing;
import id.lapak.simulator.PairingResult;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.simulator.TokenResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands of {@code lapak-device}. Exit codes follow what scripts expect: 0 done, 1 local state in the way
 * (not paired, already paired), 2 the server refused, 3 the server could not be reached, 64 wrong usage.
 */
final class Cli {

    static final int OK = 0;
    static final int LOCAL_STATE = 1;
    static final int API_ERROR = 2;
    static final int NETWORK_ERROR = 3;
    static final int USAGE = 64;

    private static final String PROGRAM = "lapak-device";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;
    private final Path defaultHome;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(PrintStream out, PrintStream err, Path defaultHome) {
        this.out = out;
        this.err = err;
        this.defaultHome = defaultHome;
        add(new Command("pair", "pair this device with a store using a one-time code", """
                pair --server URL --code CODE [--force]
                     [--model M] [--serial S] [--os-version V] [--app-version A]
                     [--reader-model R] [--reader-serial RS]

                Makes a new EC P-256 key pair, sends the public half with the code to the server and keeps the
                private half in the home. Refuses a home that already holds a device unless --force is given.""",
                Set.of("server", "code", "model", "serial", "os-version", "app-version", "reader-model",
                        "reader-serial"),
                Set.of("force"), this::pair));
        add(new Command("token", "get a new access token with a signed assertion", """
                token [--quiet]

                Signs an ES256 assertion with the device key, trades it for an access token, caches the token
                and prints it (with --quiet only its lifetime).""",
                Set.of(), Set.of("quiet"), this::token));
        add(new Command("config", "pull the device configuration", """
                config

                Sends the cached ETag as If-None-Match; prints the configuration, or that it is unchanged.""",
                Set.of(), Set.of(), this::config));
        add(new Command("catalog", "sync the store's catalog and print what came", """
                catalog [--since VERSION] [--limit N]

                Pulls the catalog changes since VERSION (default 0: the whole catalog) page by page (--limit
                changes per page, default the server's) and prints the pages, the changes per type, the
                deletions, the time taken and the version to sync from next time.""",
                Set.of("since", "limit"), Set.of(), this::catalog));
        add(new Command("image", "download an item's image", """
                image --item ITEM-ID --out FILE [--if-none-match ETAG]

                Downloads the image of a catalog item (the feed marks those with hasImage) into FILE and prints
                its type, size and ETag; with --if-none-match prints "unchanged" and writes nothing when the
                server still has that image.""",
                Set.of("item", "out", "if-none-match"), Set.of(), this::image));
        add(new Command("heartbeat", "report battery, connectivity and pending uploads", """
                heartbeat [--battery 0-100] [--charging] [--app-version A] [--reader-firmware F]
                          [--connectivity WIFI|CELLULAR|ETHERNET|NONE] [--signal DBM] [--pending N]

                Defaults: battery 80, not charging, the app version given when pairing, reader firmware
                1.0.0, WIFI, signal -60, nothing pending.""",
                Set.of("battery", "app-version", "reader-firmware", "connectivity", "signal", "pending"),
                Set.of("charging"), this::heartbeat));
        add(new Command("run", "send heartbeats in a loop, pulling the configuration when it changes", """
                run [--interval SECONDS] [--count N]

                Every --interval seconds (default 30) sends a heartbeat and pulls the configuration when the
                server's version differs from the cached one. Stops after --count heartbeats, or on Ctrl-C.""",
                Set.of("interval", "count"), Set.of(), this::run));
        add(new Command("keys", "get a DUKPT initial key for the card reader", """
                keys --alg aes128|tdes --reader-serial S

                Asks the server for the reader's initial key, opens the TR-31 key block with the device key,
                checks it and keeps it in the home. Prints the initial key ID (AES) or initial KSN (TDES) and the
                key's check value, never the key.""",
                Set.of("alg", "reader-serial"), Set.of(), this::keys));
        add(new Command("encrypt-card", "encrypt card data with the reader key, as for a payment", """
                encrypt-card --counter N --pan PAN --expiry YYMM [--track2 DATA]

                Encrypts the PAN, expiry and optional track 2 equivalent data (separator D or =) under the
                data-encryption key of the stored reader key at transaction counter N, with a random IV, and
                prints the algorithm, KSN, IV and ciphertext as JSON. Works offline; never prints the PAN.""",
                Set.of("counter", "pan", "expiry", "track2"), Set.of(), this::encryptCard));
        add(new Command("pay", "take a card payment (or store it offline), or generate load", """
                pay --amount N [--card PAN --expiry MMYY] [--entry chip|contactless|swipe] [--tip N]
                    [--currency C] [--key IDEMPOTENCY-KEY] [--offline] [--count N --concurrency C]

                Encrypts the card (default the test card 4111111111111111, expiry 12/30) with the reader key at
                the next transaction counter and sends the payment; prints the result (outcome, status,
                authorization code or decline reason, the approved amount), never the card number. The amount is in
                minor units of the store's currency as its configuration states them (fractionDigits: none for
                IDR, so 150000 is Rp 150.000) and includes the tip. --offline stores the payment with its device time for a later upload.
                --count and --concurrency send that many payments (each with its own key) from that many threads
                and print throughput and latencies. The currency defaults to the store's.""",
                Set.of("amount", "card", "expiry", "entry", "tip", "currency", "key", "count", "concurrency"),
                Set.of("offline"), this::pay));
        add(new Command("load", "send payments from several paired devices as load, for benchmarks", """
                load --homes DIR[,DIR...] --amount N --count N [--warmup N] [--concurrency C]
                     [--card PAN --expiry MMYY] [--entry chip|contactless|swipe]

                Sends --warmup payments (default 0, not measured), then --count measured payments, from
                --concurrency threads (default 8) in one process, the devices of the given homes taking turns;
                each payment has its own idempotency key and transaction counter. Prints throughput, latencies,
                this process's CPU time per payment and the outcomes of the measured payments.""",
                Set.of("homes", "amount", "count", "warmup", "concurrency", "card", "expiry", "entry"), Set.of(),
                this::load));
        add(new Command("upload", "send the payments taken offline", """
                upload

                Sends every stored offline payment with its original device time and prints each answer; an
                answered payment (approved or declined) leaves the home, a refused or unsent one stays.""",
                Set.of(), Set.of(), this::upload));
        add(new Command("status", "show what the home holds, without the network", """
                status

                Device, server, store, token expiry and cached configuration version. Exits 1 when the home
                holds no device.""",
                Set.of(), Set.of(), this::status));
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
            err.println("usage: " + PROGRAM + " " + command.usage().lines().findFirst().orElse(name));
            return USAGE;
        } catch (ApiException e) {
            printProblem(e);
            return API_ERROR;
        } catch (DeviceNetworkException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            return NETWORK_ERROR;
        } catch (id.lapak.cardcrypto.CardCryptoException e) {
            err.println(PROGRAM + " " + name + ": refused the server's key: " + e.getMessage());
            return API_ERROR;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println(PROGRAM + " " + name + ": " + e.getMessage());
            return LOCAL_STATE;
        }
    }

    private int pair(Args args, DeviceHome home) {
        URI server = serverUrl(args.require("server"));
        String code = args.require("code");
        if (home.isPaired() && !args.flag("force")) {
            Pairing existing = home.pairing();
            err.println(PROGRAM + " pair: " + home + " already holds device " + existing.deviceId()
                    + " (use --force to pair again)");
            return LOCAL_STATE;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var facts = new DeviceFacts(
                args.get("model", "Lapak Simulator"),
                args.get("serial", "SIM-" + suffix),
                args.get("os-version", "Android 14"),
                args.get("app-version", "1.0.0"),
                args.get("reader-model", "Lapak R1"),
                args.get("reader-serial", "RD-SIM-" + suffix));
        // A failed pairing leaves the old identity in place: it is replaced only once the server said yes.
        PairingResult result = new DeviceClient(server, home).pair(code, facts);
        out.println("paired device " + result.deviceId() + " \"" + result.name() + "\"");
        out.println("store  " + result.storeId() + " (tenant " + result.tenantId() + ")");
        out.println("home   " + home);
        return OK;
    }

    private int token(Args args, DeviceHome home) {
        TokenResult token = DeviceClient.forHome(home).requestToken();
        out.println(args.flag("quiet") ? "token ok, expires in " + token.expiresIn() + " s" : token.accessToken());
        return OK;
    }

    private int config(Args args, DeviceHome home) {
        ConfigResult config = DeviceClient.forHome(home).config();
        if (config.notModified()) {
            out.println("config unchanged (version " + config.version() + ")");
        }
        if (config.json() != null) {
            out.println(pretty(config.json()));
        }
        return OK;
    }

    private int catalog(Args args, DeviceHome home) {
        String limit = args.get("limit", null);
        CatalogSync sync = DeviceClient.forHome(home).syncCatalog(args.get("since", "0"),
                limit == null ? null : args.integer("limit", 10_000, 1, 50_000), change -> { });
        out.println("catalog synced: " + sync.changes() + " changes in " + sync.pages() + " pages, "
                + sync.millis() + " ms");
        sync.byType().forEach((type, n) -> out.println("  " + type + " " + n));
        out.println("  deletions " + sync.deletions());
        out.println("catalog version " + sync.version());
        return OK;
    }

    private int image(Args args, DeviceHome home) {
        UUID item;
        try {
            item = UUID.fromString(args.require("item"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--item is an item id (a UUID)");
        }
        Path target = Path.of(args.require("out"));
        var image = DeviceClient.forHome(home).itemImage(item, args.get("if-none-match", null));
        if (image.status() == 304) {
            out.println("unchanged (" + image.etag() + ")");
            return OK;
        }
        try {
            java.nio.file.Files.write(target, image.data());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        out.println(image.contentType() + ", " + image.data().length + " bytes, ETag " + image.etag() + " -> "
                + target);
        return OK;
    }

    private int heartbeat(Args args, DeviceHome home) {
        Pairing pairing = home.pairing();
        Heartbeat heartbeat = heartbeatFrom(args, pairing, home.offlinePayments().size());
        HeartbeatResult result = DeviceClient.forHome(home).heartbeat(heartbeat);
        out.println(pretty(result.json()));
        return OK;
    }

    /** {@code pendingOffline}: the offline payments the home holds, reported unless --pending says otherwise. */
    private static Heartbeat heartbeatFrom(Args args, Pairing pairing, int pendingOffline) {
        String appVersion = pairing.facts() != null && pairing.facts().appVersion() != null
                ? pairing.facts().appVersion() : "1.0.0";
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

    private int run(Args args, DeviceHome home) {
        int interval = args.integer("interval", 30, 1, 86_400);
        int count = args.integer("count", 0, 1, Integer.MAX_VALUE);
        DeviceClient client = DeviceClient.forHome(home);
        Heartbeat heartbeat = heartbeatFrom(args, home.pairing(), home.offlinePayments().size());

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
            out.println(Instant.now() + " heartbeat " + number + ": server config version "
                    + result.configVersion());
            if (result.configVersion() != held) {
                ConfigResult config = client.config();
                out.println(Instant.now() + " config " + (config.notModified() ? "unchanged" : "updated")
                        + " (version " + config.version() + ")");
            }
            return OK;
        } catch (DeviceNetworkException e) {
            if (!Thread.currentThread().isInterrupted()) {
                err.println(Instant.now() + " heartbeat " + number + ": " + e.getMessage());
            }
            return OK;
        } catch (ApiException e) {
            if (e.status() >= 500 || e.status() == 429) {
                printProblem(e);
                return OK;
            }
            if ("token_expired".equals(e.reason()) || "token_invalid".equals(e.reason())) {
                printProblem(e);
                home.clearToken();
                return OK;
            }
            printProblem(e);
            return API_ERROR;
        }
    }

    private int keys(Args args, DeviceHome home) {
        String alg = args.get("alg", null);
        String serial = args.get("reader-serial", null);
        if (alg == null || serial == null) {
            throw new UsageException("--alg and --reader-serial are required");
        }
        String algorithm = switch (alg.toLowerCase(Locale.ROOT)) {
            case "aes128", "aes" -> "AES128";
            case "tdes" -> "TDES";
            default -> throw new UsageException("--alg is aes128 or tdes");
        };
        var key = DeviceClient.forHome(home).requestReaderKey(serial, algorithm);
        out.println((algorithm.equals("AES128") ? "initial key ID " : "initial KSN    ") + key.initialKeyId());
        out.println("KCV            " + key.kcv());
        out.println("BDK version    " + key.bdkVersion());
        return OK;
    }

    private int encryptCard(Args args, DeviceHome home) {
        String counterText = args.get("counter", null);
        String pan = args.get("pan", null);
        String expiry = args.get("expiry", null);
        if (counterText == null || pan == null || expiry == null) {
            throw new UsageException("--counter, --pan and --expiry are required");
        }
        long counter;
        try {
            counter = Long.parseLong(counterText);
        } catch (NumberFormatException e) {
            throw new UsageException("--counter is a whole number");
        }
        if (counter < 0) {
            throw new UsageException("--counter is a whole number");
        }
        if (home.readerKey().isEmpty()) {
            throw new IllegalStateException("the home holds no reader key; run keys first");
        }
        EncryptedCard card;
        try {
            card = DeviceClient.forHome(home).encryptCardData(counter, pan, expiry, args.get("track2", null));
        } catch (id.lapak.cardcrypto.carddata.CardDataException e) {
            throw new UsageException(e.getMessage());
        } catch (id.lapak.cardcrypto.CardCryptoException e) {
            throw new UsageException("--counter does not fit the reader's KSN: " + e.getMessage());
        }
        var json = JSON.createObjectNode();
        json.put("algorithm", card.algorithm());
        json.put("ksn", card.ksn());
        json.put("iv", card.iv());
        json.put("ciphertext", card.ciphertext());
        out.println(json.toString());
        return OK;
    }

    private int pay(Args args, DeviceHome home) {
        String amountText = args.require("amount");
        long amount;
        long tip;
        try {
            amount = Long.parseLong(amountText);
            tip = Long.parseLong(args.get("tip", "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--amount and --tip are whole amounts in minor units");
        }
        if (amount <= 0 || tip < 0) {
            throw new UsageException("--amount is positive and --tip 0 or more");
        }
        CardInput card = cardInput(args);
        String pan = card.pan();
        String yymm = card.expiryYyMm();
        String entry = card.entry();
        String track2 = card.track2();
        if (home.readerKey().isEmpty()) {
            throw new IllegalStateException("the home holds no reader key; run keys first");
        }
        String currency = args.get("currency", home.config().map(c -> storeCurrency(c.json())).orElse("IDR"));
        int count = args.integer("count", 1, 1, 10_000_000);
        int concurrency = args.integer("concurrency", 1, 1, 1_000);
        DeviceClient client = DeviceClient.forHome(home);
        java.util.function.Function<String, PaymentDraft> draft = key -> new PaymentDraft(key, amount, currency, tip,
                List.of(), null, entry, null, false, pan, yymm, track2);
        if (args.flag("offline")) {
            for (int i = 0; i < count; i++) {
                String key = client.storeOffline(draft.apply(count == 1 ? args.get("key", UUID.randomUUID().toString())
                        : UUID.randomUUID().toString()));
                out.println("stored offline payment " + key + " (" + home.offlinePayments().size() + " waiting)");
            }
            return OK;
        }
        if (count == 1) {
            PaymentReply reply = client.pay(draft.apply(args.get("key", UUID.randomUUID().toString())));
            printPayment(reply);
            return OK;
        }
        return load(client, draft, count, concurrency);
    }

    private int load(DeviceClient client, java.util.function.Function<String, PaymentDraft> draft, int count,
                     int concurrency) {
        client.accessToken();
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger>();
        long[] latencies = new long[count];
        var next = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency)) {
            for (int t = 0; t < concurrency; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long begin = System.nanoTime();
                        String outcome;
                        try {
                            outcome = client.pay(draft.apply(UUID.randomUUID().toString())).outcome();
                        } catch (ApiException e) {
                            outcome = "refused " + e.status() + " " + e.reason();
                        } catch (DeviceNetworkException e) {
                            outcome = "network error";
                        }
                        latencies[i] = System.nanoTime() - begin;
                        outcomes.computeIfAbsent(outcome, k -> new java.util.concurrent.atomic.AtomicInteger())
                                .incrementAndGet();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        out.printf(Locale.ROOT, "%d payments in %.2f s: %.1f per second (concurrency %d)%n", count, seconds,
                count / seconds, concurrency);
        out.printf(Locale.ROOT, "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.95)] / 1e6, latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                latencies[count - 1] / 1e6);
        outcomes.forEach((outcome, n) -> out.println(outcome + ": " + n));
        return outcomes.keySet().stream().allMatch(o -> !o.startsWith("refused") && !o.startsWith("network"))
                ? OK : API_ERROR;
    }

    private int load(Args args, DeviceHome ignored) {
        List<DeviceHome> homes = new java.util.ArrayList<>();
        for (String dir : args.require("homes").split(",")) {
            if (!dir.isBlank()) {
                DeviceHome home = new DeviceHome(Path.of(dir.strip()));
                if (!home.isPaired()) {
                    throw new IllegalStateException(home + " holds no paired device");
                }
                homes.add(home);
            }
        }
        if (homes.isEmpty()) {
            throw new UsageException("--homes names at least one device home");
        }
        long amount;
        try {
            amount = Long.parseLong(args.require("amount"));
        } catch (NumberFormatException e) {
            throw new UsageException("--amount is a whole amount in minor units");
        }
        if (amount <= 0) {
            throw new UsageException("--amount is positive");
        }
        int count = args.integer("count", 1, 1, 10_000_000);
        int warmup = args.integer("warmup", 0, 0, 10_000_000);
        int concurrency = args.integer("concurrency", 8, 1, 1_000);
        CardInput card = cardInput(args);
        String pan = card.pan();
        String yymm = card.expiryYyMm();
        String entry = card.entry();
        String track2 = card.track2();
        Load load = new Load(homes, home -> home.config().map(c -> storeCurrency(c.json())).orElse("IDR"), amount,
                pan, yymm, entry, track2);
        if (warmup > 0) {
            Load.Phase warm = load.run(warmup, concurrency);
            err.printf(Locale.ROOT, "warm-up: %d payments, %.1f per second%n", warm.count(), warm.perSecond());
        }
        Load.Phase measured = load.run(count, concurrency);
        Load.print(out, measured, concurrency, homes.size());
        return Load.allAnswered(measured) ? OK : API_ERROR;
    }

    /** The card a payment command takes: --card, --expiry MMYY (kept as YYMM), --entry, and track 2 for a swipe. */
    private record CardInput(String pan, String expiryYyMm, String entry, String track2) {
    }

    private static CardInput cardInput(Args args) {
        String pan = args.get("card", "4111111111111111");
        String mmyy = args.get("expiry", "1230");
        if (!mmyy.matches("\\d{4}")) {
            throw new UsageException("--expiry is MMYY, e.g. 1230");
        }
        String yymm = mmyy.substring(2) + mmyy.substring(0, 2);
        String entry = args.get("entry", "chip").toUpperCase(Locale.ROOT);
        if (!Set.of("CHIP", "CONTACTLESS", "SWIPE").contains(entry)) {
            throw new UsageException("--entry is chip, contactless or swipe");
        }
        return new CardInput(pan, yymm, entry, entry.equals("SWIPE") ? pan + "D" + yymm + "201" : null);
    }

    private int upload(Args args, DeviceHome home) {
        List<DeviceClient.Upload> uploads = DeviceClient.forHome(home).uploadOffline();
        if (uploads.isEmpty()) {
            out.println("no offline payments waiting");
            return OK;
        }
        int status = OK;
        for (DeviceClient.Upload upload : uploads) {
            out.print("offline payment " + upload.idempotencyKey() + ": ");
            if (upload.reply() != null) {
                printPayment(upload.reply());
            } else {
                out.println("refused (" + upload.refusal().status() + " " + upload.refusal().reason() + "), kept");
                status = API_ERROR;
            }
        }
        out.println(home.offlinePayments().size() + " still waiting");
        return status;
    }

    private void printPayment(PaymentReply reply) {
        var body = reply.body();
        StringBuilder line = new StringBuilder(reply.outcome() == null ? "?" : reply.outcome());
        line.append(" payment ").append(reply.paymentId()).append(" status ").append(reply.saleStatus());
        if (!body.path("authorizationCode").isNull() && body.has("authorizationCode")) {
            line.append(" auth ").append(body.path("authorizationCode").asString());
        }
        if (body.path("approved").asBoolean(false) && !reply.approvedAmount().isEmpty()) {
            line.append(" amount ").append(reply.approvedAmount());
        }
        if (reply.declineReason() != null) {
            line.append(" reason ").append(reply.declineReason());
        }
        if (reply.responseCode() != null) {
            line.append(" code ").append(reply.responseCode());
        }
        line.append(" ").append(body.path("cardBrand").asString(body.path("brand").asString(""))).append(" ")
                .append(body.path("maskedPan").asString(""));
        if (body.path("offline").asBoolean(false)) {
            line.append(" offline at ").append(body.path("deviceTime").asString());
        }
        if (reply.replayed()) {
            line.append(" (replayed)");
        }
        out.println(line);
    }

    private static String storeCurrency(String configJson) {
        try {
            return JSON.readTree(configJson).path("store").path("currency").asString("IDR");
        } catch (JacksonException e) {
            return "IDR";
        }
    }

    private int status(Args args, DeviceHome home) {
        if (!home.isPaired()) {
            out.println("home    " + home + ": not paired");
            return LOCAL_STATE;
        }
        Pairing pairing = home.pairing();
        var cachedConfig = home.config();
        String storeName = cachedConfig.map(config -> storeName(config.json())).orElse(null);
        out.println("home    " + home);
        out.println("device  " + pairing.deviceId() + (pairing.name() != null ? " \"" + pairing.name() + "\"" : ""));
        out.println("server  " + pairing.server());
        out.println("tenant  " + pairing.tenantId());
        out.println("store   " + pairing.storeId() + (storeName != null ? " \"" + storeName + "\"" : ""));
        out.println("paired  " + pairing.pairedAt());
        out.println("token   " + home.token().map(token -> {
            long left = Duration.between(Instant.now(), token.expiresAt()).toSeconds();
            return left > 0 ? "expires " + token.expiresAt() + " (in " + left + " s)"
                    : "expired " + token.expiresAt();
        }).orElse("none"));
        out.println("config  " + cachedConfig.map(config -> "version " + config.version()
                + (config.etag() != null ? " (etag " + config.etag() + ")" : "")).orElse("none cached"));
        return OK;
    }

    private void printProblem(ApiException e) {
        err.println(PROGRAM + ": the server answered " + e.status() + (e.title() != null ? " " + e.title() : ""));
        if (e.detail() != null) {
            err.println("  detail: " + e.detail());
        }
        if (e.reason() != null) {
            err.println("  reason: " + e.reason());
        }
        if (e.retryAfter() != null) {
            err.println("  retry after: " + e.retryAfter() + " s");
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

    private static URI serverUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new UsageException("--server must be an http or https URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--server is not a URL: " + e.getMessage());
        }
    }

    private static String storeName(String configJson) {
        try {
            var name = JSON.readTree(configJson).path("store").path("name");
            return name.isString() ? name.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
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

    private void add(Command command) {
        commands.put(command.name(), command);
    }

    private record Command(String name, String summary, String usage, Set<String> options, Set<String> flags,
            Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        int run(Args args, DeviceHome home);
    }
}
