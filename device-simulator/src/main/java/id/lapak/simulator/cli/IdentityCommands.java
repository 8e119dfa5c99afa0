package id.lapak.simulator.cli;

import static id.lapak.simulator.cli.Cli.LOCAL_STATE;
import static id.lapak.simulator.cli.Cli.OK;
import static id.lapak.simulator.cli.Cli.PROGRAM;

import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.Pairing;
import id.lapak.simulator.PairingResult;
import id.lapak.simulator.TokenResult;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The commands about the device itself: pairing, tokens and what the home holds. */
final class IdentityCommands {

    private final PrintStream out;
    private final PrintStream err;
    private final Output output;

    IdentityCommands(Output output) {
        this.out = output.out;
        this.err = output.err;
        this.output = output;
    }

    int pair(Args args, DeviceHome home) {
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

    int token(Args args, DeviceHome home) {
        TokenResult token = DeviceClient.forHome(home).requestToken();
        out.println(args.flag("quiet") ? "token ok, expires in " + token.expiresIn() + " s" : token.accessToken());
        return OK;
    }

    int status(Args args, DeviceHome home) {
        if (!home.isPaired()) {
            out.println("home    " + home + ": not paired");
            return LOCAL_STATE;
        }
        Pairing pairing = home.pairing();
        var cachedConfig = home.config();
        String storeName =
                cachedConfig.map(config -> Output.storeName(config.json())).orElse(null);
        out.println("home    " + home);
        out.println("device  " + pairing.deviceId() + (pairing.name() != null ? " \"" + pairing.name() + "\"" : ""));
        out.println("server  " + pairing.server());
        out.println("tenant  " + pairing.tenantId());
        out.println("store   " + pairing.storeId() + (storeName != null ? " \"" + storeName + "\"" : ""));
        out.println("paired  " + pairing.pairedAt());
        out.println("token   "
                + home.token()
                        .map(token -> {
                            long left = Duration.between(Instant.now(), token.expiresAt())
                                    .toSeconds();
                            return left > 0
                                    ? "expires " + token.expiresAt() + " (in " + left + " s)"
                                    : "expired " + token.expiresAt();
                        })
                        .orElse("none"));
        out.println("config  "
                + cachedConfig
                        .map(config -> "version " + config.version()
                                + (config.etag() != null ? " (etag " + config.etag() + ")" : ""))
                        .orElse("none cached"));
        return OK;
    }

    private static URI serverUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new UsageException("--server must be an http or https URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--server is not a URL: " + e.getMessage());
        }
    }
}
