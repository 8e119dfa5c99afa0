package id.lapak.device.keys;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fresh SoftHSM2 token per test JVM. SoftHSM reads {@code SOFTHSM2_CONF} (set by surefire, see webapp/pom.xml)
 * when its library loads, so the first caller writes that file, empties the token directory beside it and
 * initialises a token before anything opens the library. Tests are skipped when SoftHSM2 is not installed.
 */
final class SoftHsmToken {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "1234";

    private static Pkcs11Token token;
    private static long slot;

    private SoftHsmToken() {}

    static synchronized Pkcs11Token get() {
        assumeTrue(
                Files.isRegularFile(LIBRARY),
                "SoftHSM2 is not installed (" + LIBRARY + " is missing; "
                        + "apt-get install softhsm2): the PKCS#11 key store tests are skipped");
        if (token == null) {
            try {
                slot = initialise();
                token = Pkcs11Token.open(LIBRARY.toString(), slot, PIN);
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare the SoftHSM2 token", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** The slot of the token {@link #get()} prepared (preparing it first when needed). */
    static synchronized long slot() {
        get();
        return slot;
    }

    /** Writes the configuration, initialises a token in an empty directory and answers its slot id. */
    private static long initialise() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            fail("SOFTHSM2_CONF is not set; webapp/pom.xml sets it for surefire, set it likewise when running this "
                    + "test elsewhere");
        }
        Path confFile = Path.of(conf).toAbsolutePath();
        Path tokens = confFile.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                confFile,
                "directories.tokendir = " + tokens + "\n" + "objectstore.backend = file\n" + "log.level = ERROR\n",
                StandardCharsets.UTF_8);
        String output = run(
                "softhsm2-util", "--init-token", "--free", "--label", "lapak-test", "--pin", PIN, "--so-pin", "5678");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!slot.find()) {
            fail("softhsm2-util did not name the new token's slot: " + output);
        }
        return Long.parseLong(slot.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
