package id.lapak.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import id.lapak.ui.Localized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Date pickers and uploads speak the person's language instead of their built-in English. */
@ViewPackages(packages = "id.lapak.i18n.none")
class LocalizedComponentsTest extends BrowserlessTest {

    @Test
    void anIndonesianDatePickerHasIndonesianNamesAndStartsOnMonday() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("id"));
        DatePicker picker = Localized.datePicker(new DatePicker());

        DatePicker.DatePickerI18n i18n = picker.getI18n();
        assertThat(i18n.getMonthNames())
                .startsWith("Januari", "Februari")
                .endsWith("Desember")
                .hasSize(12);
        assertThat(i18n.getWeekdays()).containsExactly("Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("Hari ini");
    }

    @Test
    void everyDatePickerAndUploadOfThePortalGoesThroughLocalized() throws IOException {
        Pattern created = Pattern.compile("new (DatePicker|Upload)\\(");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher m = created.matcher(code);
                while (m.find()) {
                    String wrapper = "DatePicker".equals(m.group(1)) ? "Localized.datePicker(" : "Localized.upload(";
                    if (!code.contains(wrapper)) {
                        missing.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
