package id.lapak.devices;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.i18n.PortalWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimelineSentencesTest {

    private final TimelineSentences english = new TimelineSentences(PortalWords.english());
    private final TimelineSentences indonesian = new TimelineSentences(PortalWords.indonesian());

    @Test
    void aCheckInReadsAsASentence() {
        String detail = "battery 80% charging, WIFI, app 1.4.0, pending 2";
        assertThat(english.sentence("HEARTBEAT", detail))
                .isEqualTo("Checked in: battery 80 % (charging), Wi-Fi, app 1.4.0, 2 offline payments waiting");
        assertThat(indonesian.sentence("HEARTBEAT", detail))
                .isEqualTo("Melapor: baterai 80 % (sedang diisi), Wi-Fi, aplikasi 1.4.0, 2 pembayaran luring menunggu");
        assertThat(english.sentence("HEARTBEAT", "battery ?, unknown network, app ?, pending 1"))
                .isEqualTo("Checked in: battery level not sent, network not sent, app version not sent, "
                        + "1 offline payment waiting");
        assertThat(english.sentence("HEARTBEAT", "battery 15%, CELLULAR, app 2.0, pending 0"))
                .isEqualTo("Checked in: battery 15 %, mobile data, app 2.0, no offline payments waiting");
    }

    @Test
    void keyDeliveryHidesKeyIdentifiers() {
        String detail = "AES128 BDK v1, initial key ID 0123456789ABCDEF, reader RD-1";
        assertThat(english.sentence("READER_KEY_INJECTED", detail))
                .isEqualTo("Card reader RD-1 received its payment encryption key");
        assertThat(indonesian.sentence("READER_KEY_INJECTED", detail))
                .isEqualTo("Pembaca kartu RD-1 menerima kunci enkripsi pembayarannya")
                .doesNotContain("BDK", "0123456789ABCDEF");
    }

    @Test
    void alertsNameTheirKindInWords() {
        assertThat(english.sentence("ALERT_RAISED", "BATTERY_LOW")).isEqualTo("Alert raised: Battery low");
        assertThat(english.sentence("ALERT_CLEARED", "OFFLINE")).isEqualTo("Alert cleared: Offline");
        assertThat(english.actor("health check")).isEqualTo("Lapak health check");
        assertThat(indonesian.actor("device")).isEqualTo("Perangkat");
        assertThat(english.actor("maju.admin")).isEqualTo("maju.admin");
    }

    @Test
    void peoplesActionsCarryWhatTheyWrote() {
        assertThat(english.sentence("RENAMED", "Kasir 2")).isEqualTo("Renamed to \"Kasir 2\"");
        assertThat(english.sentence("MOVED", "Maju Pusat")).isEqualTo("Moved to the store Maju Pusat");
        assertThat(indonesian.sentence("REVOKED", "hilang")).isEqualTo("Akses dicabut: hilang");
        assertThat(english.sentence("CONFIG_FETCHED", "version 7")).isEqualTo("Fetched its settings (version 7)");
        assertThat(english.sentence("PAIRED", "Sunmi P2")).isEqualTo("Paired (Sunmi P2)");
    }

    /** Every kind the code records has a sentence in both languages, with no raw kind left in it. */
    @Test
    void everyRecordedKindHasASentence() throws IOException {
        Set<String> recorded = recordedKinds();
        assertThat(recorded).isNotEmpty().containsAll(Set.of("HEARTBEAT", "READER_KEY_INJECTED", "RETIRED"));
        assertThat(TimelineSentences.KINDS).containsAll(recorded);
        for (String kind : TimelineSentences.KINDS) {
            for (TimelineSentences sentences : new TimelineSentences[] {english, indonesian}) {
                assertThat(sentences.sentence(kind, ""))
                        .as(kind)
                        .doesNotContain(kind)
                        .doesNotContain("_");
                assertThat(sentences.sentence(kind, null)).as(kind).isNotBlank();
            }
        }
    }

    /** The kinds written by {@code timeline.record(…, "KIND", …)} and by the device service's {@code audit(id, "KIND", …)}. */
    private static Set<String> recordedKinds() throws IOException {
        Pattern call = Pattern.compile("(?:timeline\\.record\\(\\s*[^,]+|\\baudit\\(\\s*id),\\s*\"([A-Z_]+)\"");
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../device-registry/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    Matcher m = call.matcher(Files.readString(f));
                    while (m.find()) {
                        kinds.add(m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return kinds;
    }
}
