package id.lapak.simulator.cli;

import static id.lapak.simulator.cli.Cli.API_ERROR;
import static id.lapak.simulator.cli.Cli.OK;
import static id.lapak.simulator.cli.Output.JSON;

import id.lapak.cardcrypto.CardCryptoException;
import id.lapak.cardcrypto.carddata.CardDataException;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import id.lapak.simulator.EncryptedCard;
import id.lapak.simulator.OfflineQueue;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The card commands: reader keys, card encryption, payments online and offline, uploads and load. */
final class PaymentCommands {

    /** The operator a simulated device reports unless told otherwise. */
    static final String DEFAULT_CASHIER = "SIM-1:Kasir Simulator";

    private final PrintStream out;
    private final PrintStream err;
    private final Output output;

    PaymentCommands(Output output) {
        this.out = output.out;
        this.err = output.err;
        this.output = output;
    }

    int keys(Args args, DeviceHome home) {
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

    int encryptCard(Args args, DeviceHome home) {
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
        } catch (CardDataException e) {
            throw new UsageException(e.getMessage());
        } catch (CardCryptoException e) {
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

    int pay(Args args, DeviceHome home) {
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
        String currency = args.get(
                "currency",
                home.config().map(c -> Output.storeCurrency(c.json())).orElse("IDR"));
        int count = args.integer("count", 1, 1, 10_000_000);
        int concurrency = args.integer("concurrency", 1, 1, 1_000);
        DeviceClient client = DeviceClient.forHome(home);
        List<PaymentDraft.Line> lines = line(args, amount - tip);
        PaymentDraft.Cashier cashier = cashier(args);
        Function<String, PaymentDraft> draft = key -> new PaymentDraft(
                key, amount, currency, tip, lines, null, entry, null, false, pan, yymm, track2, cashier);
        if (args.flag("offline")) {
            for (int i = 0; i < count; i++) {
                String key = client.offline()
                        .store(draft.apply(
                                count == 1
                                        ? args.get("key", UUID.randomUUID().toString())
                                        : UUID.randomUUID().toString()));
                out.println("stored offline payment " + key + " ("
                        + home.offlinePayments().size() + " waiting)");
            }
            return OK;
        }
        if (count == 1) {
            PaymentReply reply =
                    client.pay(draft.apply(args.get("key", UUID.randomUUID().toString())));
            output.printPayment(reply);
            return OK;
        }
        return load(client, draft, count, concurrency);
    }

    /**
     * The operator signed in on the simulated device: {@code --cashier CODE[:NAME]}, {@code none} for none; by default
     * the simulator's own operator.
     */
    private static PaymentDraft.Cashier cashier(Args args) {
        String text = args.get("cashier", DEFAULT_CASHIER).strip();
        return text.equalsIgnoreCase("none") ? null : PaymentDraft.Cashier.parse(text);
    }

    /**
     * With {@code --variant ID}, the payment sells one line of that catalog variant: {@code --quantity} (1) at
     * {@code --price} (the amount less the tip, divided by the quantity) with {@code --discount} (0) off, which must
     * leave exactly the amount less the tip. Without it, a custom amount (no lines).
     */
    private static List<PaymentDraft.Line> line(Args args, long goods) {
        String variant = args.get("variant", null);
        if (variant == null) {
            return List.of();
        }
        int quantity = args.integer("quantity", 1, 1, 10_000);
        long discount;
        long price;
        try {
            discount = Long.parseLong(args.get("discount", "0"));
            price = Long.parseLong(args.get("price", Long.toString((goods + discount) / quantity)));
            PaymentDraft.Line line =
                    PaymentDraft.Line.discounted(UUID.fromString(variant), null, quantity, price, discount);
            if (discount < 0 || line.totalMinor() != goods) {
                throw new UsageException("--quantity × --price − --discount must be --amount less --tip");
            }
            return List.of(line);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--variant is a variant id, --price and --discount whole minor units");
        }
    }

    private int load(DeviceClient client, Function<String, PaymentDraft> draft, int count, int concurrency) {
        client.accessToken();
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        long[] latencies = new long[count];
        var next = new AtomicInteger();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(concurrency)) {
            for (int t = 0; t < concurrency; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long begin = System.nanoTime();
                        String outcome;
                        try {
                            outcome = client.pay(draft.apply(UUID.randomUUID().toString()))
                                    .outcome();
                        } catch (ApiException e) {
                            outcome = "refused " + e.status() + " " + e.reason();
                        } catch (DeviceNetworkException e) {
                            outcome = "network error";
                        }
                        latencies[i] = System.nanoTime() - begin;
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        out.printf(
                Locale.ROOT,
                "%d payments in %.2f s: %.1f per second (concurrency %d)%n",
                count,
                seconds,
                count / seconds,
                concurrency);
        out.printf(
                Locale.ROOT,
                "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.95)] / 1e6,
                latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
                latencies[count - 1] / 1e6);
        outcomes.forEach((outcome, n) -> out.println(outcome + ": " + n));
        return outcomes.keySet().stream().allMatch(o -> !o.startsWith("refused") && !o.startsWith("network"))
                ? OK
                : API_ERROR;
    }

    int load(Args args, DeviceHome ignored) {
        List<DeviceHome> homes = new ArrayList<>();
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
        Load load = new Load(
                homes,
                variants(args.get("line", ""), homes.size()),
                home -> home.config().map(c -> Output.storeCurrency(c.json())).orElse("IDR"),
                amount,
                pan,
                yymm,
                entry,
                track2);
        if (warmup > 0) {
            Load.Phase warm = load.run(warmup, concurrency);
            err.printf(Locale.ROOT, "warm-up: %d payments, %.1f per second%n", warm.count(), warm.perSecond());
        }
        Load.Phase measured = load.run(count, concurrency);
        Load.print(out, measured, concurrency, homes.size());
        return Load.allAnswered(measured) ? OK : API_ERROR;
    }

    /** --line VARIANT[,VARIANT...]: none, one for every device, or one per home in the order of --homes. */
    private static List<UUID> variants(String option, int homes) {
        List<UUID> variants = new ArrayList<>();
        for (String id : option.split(",")) {
            if (!id.isBlank()) {
                try {
                    variants.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--line names variant ids");
                }
            }
        }
        if (variants.size() > 1 && variants.size() != homes) {
            throw new UsageException("--line names one variant for every device, or one per home of --homes");
        }
        return variants;
    }

    /** The card a payment command takes: --card, --expiry MMYY (kept as YYMM), --entry, and track 2 for a swipe. */
    private record CardInput(String pan, String expiryYyMm, String entry, String track2) {}

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

    int upload(Args args, DeviceHome home) {
        List<OfflineQueue.Upload> uploads = DeviceClient.forHome(home).offline().upload();
        if (uploads.isEmpty()) {
            out.println("no offline payments waiting");
            return OK;
        }
        int status = OK;
        for (OfflineQueue.Upload upload : uploads) {
            out.print("offline payment " + upload.idempotencyKey() + ": ");
            if (upload.reply() != null) {
                output.printPayment(upload.reply());
            } else {
                out.println("refused (" + upload.refusal().status() + " "
                        + upload.refusal().reason() + "), kept");
                status = API_ERROR;
            }
        }
        out.println(home.offlinePayments().size() + " still waiting");
        return status;
    }
}
