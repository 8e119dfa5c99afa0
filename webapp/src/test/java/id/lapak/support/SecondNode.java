package id.lapak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A second Lapak node for tests: the same application in its own JVM (the test's class path), on the test's
 * database as the application role, without migrations — what a second server of a deployment is. The first node
 * is the test's own application context.
 */
public final class SecondNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path logs;

    private SecondNode(Process process, int port, Path logs) {
        this.process = process;
        this.port = port;
        this.logs = logs;
    }

    /**
     * Starts the node on {@code port} with the first node's database and master keystore; {@code settings} are
     * further {@code --name=value} arguments. Answers once the node is running (not yet healthy: see
     * {@link #awaitHealthy}).
     */
    public static SecondNode start(int port, String databaseUrl, Path masterKeystore, Path work, String... settings)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "id.lapak.LapakApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=lapak_app",
                "--spring.datasource.password=lapak_app",
                "--spring.flyway.enabled=false",
                "--lapak.dev-defaults.allowed=true",
                "--lapak.keys.master-keystore=" + masterKeystore.toAbsolutePath(),
                "--logging.file.name=" + work.resolve("node-b.log")));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("node-b.out").toFile()).start();
        return new SecondNode(process, port, work);
    }

    /** Waits until {@code base} (the node itself or a balancer in front of it) answers its health check. */
    public static void awaitHealthy(URI base, Process process, Path logs, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("process started for %s (logs in %s)", base, logs).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(base + " did not become healthy within " + limit + " (logs in " + logs + ")");
    }

    public SecondNode awaitHealthy(Duration limit) throws Exception {
        awaitHealthy(url(), process, logs, limit);
        return this;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
