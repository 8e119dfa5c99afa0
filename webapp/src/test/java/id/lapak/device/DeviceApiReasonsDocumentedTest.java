package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An outside device maker builds from docs/device-api.md alone: every reason the device API's code can answer is
 * named there. The reasons are read from the code where problems are made (exception constructors, reason
 * assignments and switch arms in the device API, pairing, authentication, reader keys, payments and the catalog
 * feed).
 */
class DeviceApiReasonsDocumentedTest {

    private static final Pattern REASON = Pattern.compile("(?:Exception\\(\\s*(?:\\d+,\\s*)?|bad\\(\\s*|refuse\\(\\s*|"
            + "reason = |-> |,\\s*)\"([a-z]+(?:_[a-z]+)+)\"");
    /** Snake-case strings in those files that are column names, not reasons. */
    private static final Set<String> NOT_REASONS = Set.of("card_brand", "received_at", "sold_at", "amount_minor");

    @Test
    void everyReasonTheCodeCanAnswerIsInTheDocument() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String document = Files.readString(root.resolve("docs/device-api.md"));
        Set<String> reasons = new TreeSet<>();
        for (Path folder : List.of(
                root.resolve("device-registry/src/main/java/id/lapak/device"),
                root.resolve("billing/src/main/java/id/lapak/billing/sale"),
                root.resolve("catalog/src/main/java/id/lapak/catalog/feed"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                                && !f.getFileName().toString().equals("Chargebacks.java"))
                        .toList()) {
                    Matcher m = REASON.matcher(Files.readString(file));
                    while (m.find()) {
                        reasons.add(m.group(1));
                    }
                }
            }
        }
        reasons.removeAll(NOT_REASONS);
        assertThat(reasons).as("reasons found in the code").hasSizeGreaterThan(40);
        assertThat(reasons)
                .as("reasons the code answers that docs/device-api.md does not name")
                .allSatisfy(reason -> assertThat(document).contains("`" + reason + "`"));
    }
}
