package id.lapak.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real Keycloak server for local runs and tests: the official distribution (unpacked by the build from Maven
 * Central) started as a child process with the {@code lapak} realm imported. It is started early and in parallel
 * with the application; {@link #awaitReady} blocks until it answers.
 */
public final class LocalKeycloak {

    private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);
    private static final String REALM_RESOURCE = "keycloak/lapak-realm.json";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static LocalKeycloak instance;

    private final String url;
    private final String realm;
    private final Process process;

    private LocalKeycloak(String url, String realm, Process process) {
        this.url = url;
        this.realm = realm;
        this.process = process;
    }

    /**
     * Starts Keycloak from {@code home} on {@code port}, unless one already answers there with the realm.
     * {@code persistent} keeps users and sessions in Keycloak's own dev database under {@code home}; otherwise it
     * keeps them in memory (tests). {@code portalUrl} is where Keycloak posts back-channel logout tokens: the realm
     * file names the default portal (port 8080), the local realm names this one.
     */
    static synchronized LocalKeycloak start(
            Path home, int port, int managementPort, String realm, boolean persistent, String portalUrl) {
        if (instance != null) {
            return instance;
        }
        String url = "http://localhost:" + port;
        if (answers(url, realm)) {
            log.info("Using the Keycloak already running at {}", url);
            instance = new LocalKeycloak(url, realm, null);
            return instance;
        }
        Path kcScript = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcScript)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home.toAbsolutePath()
                    + "; build once with ./mvnw (it unpacks the distribution), or set KEYCLOAK_URL");
        }
        try {
            if (persistent) {
                resetIfRealmChanged(home);
            }
            installRealm(home, portalUrl);
            List<String> command = new ArrayList<>(List.of(
                    kcScript.toString(),
                    "start-dev",
                    "--http-port=" + port,
                    "--hostname=" + url,
                    "--import-realm",
                    "--health-enabled=true",
                    "--http-management-port=" + managementPort));
            if (!persistent) {
                command.add("--db=dev-mem");
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("keycloak.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            // Dev-only console login for the local server; an external Keycloak has its own.
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
            log.info(
                    "Starting Keycloak at {} (log: {})",
                    url,
                    home.resolve("keycloak.log").toAbsolutePath());
            instance = new LocalKeycloak(url, realm, process);
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak: " + e.getMessage(), e);
        }
    }

    /** The running local Keycloak, if this JVM started or found one. */
    public static synchronized LocalKeycloak current() {
        return instance;
    }

    public String url() {
        return url;
    }

    /** Blocks until the realm's discovery document answers, or fails after {@code timeout}. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers(url, realm)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + "; see keycloak.log in the Keycloak folder");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not become ready within " + timeout);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
    }

    private static boolean answers(String url, String realm) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] realmFile() throws IOException {
        try (InputStream in = LocalKeycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("Realm file " + REALM_RESOURCE + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    /** The realm as the local Keycloak imports it: back-channel logouts go to the portal that started it. */
    private static void installRealm(Path home, String portalUrl) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        String realm = new String(realmFile(), StandardCharsets.UTF_8)
                .replace(DEFAULT_PORTAL + BACK_CHANNEL_LOGOUT_PATH, portalUrl + BACK_CHANNEL_LOGOUT_PATH);
        Files.writeString(importDir.resolve("lapak-realm.json"), realm);
    }

    private static final String DEFAULT_PORTAL = "http://localhost:8080";
    private static final String BACK_CHANNEL_LOGOUT_PATH = "/logout/connect/back-channel/keycloak";

    /**
     * Keycloak imports a realm only when it does not exist yet. When the realm file in the repository changes, the
     * local Keycloak database is reset so the new realm takes effect (local users added by hand are lost).
     */
    private static void resetIfRealmChanged(Path home) throws IOException {
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realmFile()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path marker = home.resolve("data/lapak-realm.sha256");
        if (Files.exists(marker) && Files.readString(marker).strip().equals(hash)) {
            return;
        }
        Path h2 = home.resolve("data/h2");
        if (Files.exists(h2)) {
            log.warn("The lapak realm file changed: resetting the local Keycloak database so it is imported again");
            FileSystemUtils.deleteRecursively(h2);
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, hash);
    }

    private static void stop(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(TimeUnit.SECONDS.toMillis(20), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
