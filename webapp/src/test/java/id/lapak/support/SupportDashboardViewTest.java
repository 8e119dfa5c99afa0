package id.lapak.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import id.lapak.support.SupportDashboard.DeclineCode;
import id.lapak.support.SupportDashboard.Figures;
import id.lapak.support.SupportDashboard.Hour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform dashboard without a browser: the service's figures, formatted, and the decline codes listed. */
@ViewPackages(packages = "id.lapak.support.none")
class SupportDashboardViewTest extends BrowserlessTest {

    final SupportDashboard dashboard = mock(SupportDashboard.class);

    @Test
    @SuppressWarnings("unchecked")
    void showsTheFiguresOfTheLast24Hours() {
        Instant to = Instant.parse("2026-12-03T05:00:00Z");
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(new Hour(to.minus(Duration.ofHours(24 - h)), 120));
        }
        when(dashboard.last24Hours())
                .thenReturn(new Figures(
                        to.minus(Duration.ofHours(24)),
                        to,
                        12,
                        30,
                        40,
                        2_880,
                        2_700,
                        180,
                        hours,
                        List.of(new DeclineCode("51", "Insufficient funds", 120), new DeclineCode("05", null, 60))));
        UI.getCurrent().add(new SupportDashboardView(dashboard));

        assertThat($(Span.class).id("support-kpi-tenants").getText()).isEqualTo("12");
        assertThat($(Span.class).id("support-kpi-devices").getText()).isEqualTo("30 of 40");
        assertThat($(Span.class).id("support-kpi-rate").getText()).isEqualTo("2");
        assertThat($(Span.class).id("support-kpi-approval").getText()).isEqualTo("93.8%");
        Grid<DeclineCode> declines = $(Grid.class).id("support-dashboard-declines");
        assertThat(test(declines).size()).isEqualTo(2);
        assertThat(test(declines).getCellText(0, 0)).isEqualTo("51");
        assertThat(test(declines).getCellText(0, 2)).isEqualTo("120");
    }
}
