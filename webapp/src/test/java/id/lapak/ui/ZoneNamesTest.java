package id.lapak.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ZoneNamesTest {

    @Test
    void indonesiasZonesByTheirAbbreviationsOthersByNameAndIdentifier() {
        Locale id = Locale.forLanguageTag("id-ID");
        assertThat(ZoneNames.label(ZoneId.of("Asia/Jakarta"), id)).isEqualTo("WIB · Jakarta");
        assertThat(ZoneNames.label(ZoneId.of("Asia/Makassar"), Locale.ENGLISH)).isEqualTo("WITA · Makassar");
        assertThat(ZoneNames.label(ZoneId.of("Asia/Jayapura"), id)).isEqualTo("WIT · Jayapura");
        assertThat(ZoneNames.label(ZoneId.of("Asia/Singapore"), Locale.ENGLISH))
                .endsWith(" · Asia/Singapore")
                .doesNotStartWith("Asia/");
        assertThat(ZoneNames.label(ZoneId.of("UTC"), Locale.ENGLISH)).isNotBlank();
        assertThat(ZoneNames.label(null, id)).isEmpty();
    }
}
