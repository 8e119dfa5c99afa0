package id.lapak.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One way to write a moment on the portal's pages. */
class PortalDatesTest {

    @Test
    void aMomentReadsTheSameInBothLanguagesInTheBusinesssZone() {
        Instant at = Instant.parse("2026-12-04T00:55:29Z");
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        assertThat(PortalDates.dateTime(Locale.ENGLISH, wib).format(at).replace('\u202f', ' '))
                .isEqualTo("Dec 4, 2026, 7:55 AM");
        assertThat(PortalDates.dateTime(Locale.of("id", "ID"), wib).format(at).replace('\u202f', ' '))
                .isEqualTo("4 Des 2026 07.55");
    }

    /** Pages do not build their own date-time formats: the audit log and the price history once read differently. */
    @Test
    void noPageFormatsMomentsItsOwnWay() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/id/lapak"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("PortalDates.java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("ofLocalizedDateTime(");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(f -> f.getFileName().toString())
                    .toList();
        }
        assertThat(offenders).as("classes with their own ofLocalizedDateTime").isEmpty();
    }
}
