package id.lapak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port));
        arguments.addAll(List.of(settings));
        Process process = startProcess(
                "id.lapak.LapakApplication", work.resolve("node-b.out"), databaseUrl, masterKeystore, arguments);
        return new SecondNode(process, port, work);
    }

    /**
     * Starts {@code mainClass} of the test's class path in a JVM of its own as a Lapak node on the test's database
     * (application role, no migrations, test profile), its output in {@code output} and its log beside it;
     * {@code arguments} are added ({@code --name=value}).
     */
    public static Process startProcess(
            String mainClass, Path output, String databaseUrl, Path masterKeystore, List<String> arguments)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass,
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=lapak_app",
                "--spring.datasource.password=lapak_app",
                "--spring.flyway.enabled=false",
                "--lapak.dev-defaults.allowed=true",
                "--lapak.keys.master-keystore=" + masterKeystore.toAbsolutePath(),
                "--logging.file.name=" + output.resolveSibling(output.getFileName() + ".log")));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Waits (5 minutes at most) for a line of {@code output} that contains {@code marker}; answers the line. */
    public static String awaitLine(Path output, Process process, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(output)) {
                for (String line : Files.readAllLines(output)) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
            }
            assertThat(process.isAlive() || Files.readString(output).contains(marker))
                    .as("the process is running (output in %s)", output)
                    .isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError(marker + " not seen within 5 minutes (output in " + output + ")");
    }

    /** Waits until {@code base} (the node itself or a balancer in front of it) answers its health check. */
    public static void awaitHealthy(URI base, Process process, Path logs, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("process started for %s (logs in %s)", base, logs)
                    .isTrue();
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(base.resolve("/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
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
