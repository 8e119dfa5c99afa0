package id.lapak.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import id.lapak.ui.PortalDates;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The reports page's box for one store's ended day: its frozen day report (Z report) with what changed since, or the
 * button that closes the day; {@code onClosed} redraws the page.
 */
class DayClosePanel extends Div {

    DayClosePanel(DayReports dayReports, ReportFilter filter, ZoneId zone, Runnable onClosed) {
        setId("report-day-close");
        add(new H3(getTranslation("report.z.title")));
        dayReports
                .dayReport(filter.storeId(), filter.from())
                .ifPresentOrElse(
                        z -> {
                            DateTimeFormatter time = PortalDates.dateTime(getLocale(), zone);
                            add(new Paragraph(
                                    getTranslation("report.z.closed", z.closedBy(), time.format(z.closedAt()))));
                            Span frozen = new Span(getTranslation(
                                    "report.z.frozenNet", z.frozen().net().format(getLocale())));
                            frozen.setId("report-z-frozen");
                            add(new Paragraph(frozen));
                            if (z.changed()) {
                                Span difference = new Span(getTranslation(
                                        "report.z.adjustment",
                                        z.now().net().minus(z.frozen().net()).format(getLocale()),
                                        z.changedSince().size()));
                                difference.setId("report-z-adjustment");
                                add(new Paragraph(difference));
                            }
                            Span hash = new Span(
                                    getTranslation("report.z.hash", z.sha256().substring(0, 16)));
                            hash.addClassName("lapak-muted");
                            add(hash);
                        },
                        () -> {
                            Button close = new Button(getTranslation("report.z.close"), e -> {
                                try {
                                    dayReports.closeDay(filter.storeId(), filter.from());
                                    Notification.show(getTranslation("report.z.done"));
                                    onClosed.run();
                                } catch (InvalidReportFilterException ex) {
                                    Notification.show(getTranslation(ex.getMessage()));
                                }
                            });
                            close.setId("report-z-close");
                            add(new Paragraph(getTranslation("report.z.explain")), close);
                        });
    }
}
