package id.lapak.settlement;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.billing.payout.PayoutRun;
import id.lapak.billing.payout.PayoutService;
import id.lapak.tenant.money.Money;
import id.lapak.ui.Localized;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Support's payout run: every scheduled payout due by a day gathered into one run (audited per tenant), offered as
 * the bank's CSV and as ISO 20022 pain.001 XML. A payout is in one run only; nothing due says so.
 */
class PayoutRunPanel extends Composite<VerticalLayout> {

    PayoutRunPanel(PayoutService payouts) {
        DatePicker due = Localized.datePicker(new DatePicker(getTranslation("payoutRun.field.due")));
        due.setId("payout-run-due");
        due.setValue(LocalDate.now());
        Div result = new Div();
        result.setId("payout-run-result");
        Button create = new Button(getTranslation("payoutRun.create"), e -> {
            result.removeAll();
            PayoutRun run = due.getValue() == null ? null : payouts.createRun(due.getValue(), "IDR");
            if (run == null) {
                result.add(new Span(getTranslation("payoutRun.nothingDue")));
                return;
            }
            result.add(
                    new Span(getTranslation(
                            "payoutRun.created",
                            run.payouts(),
                            Money.of(run.totalMinor(), run.currency()).format(getLocale()))),
                    file(
                            "payout-run-csv",
                            "payout-run-" + run.dueOn() + ".csv",
                            "text/csv",
                            run.csv(),
                            getTranslation("payoutRun.csv")),
                    file(
                            "payout-run-pain001",
                            "payout-run-" + run.dueOn() + ".xml",
                            "application/xml",
                            run.pain001(),
                            getTranslation("payoutRun.pain001")));
        });
        create.setId("payout-run-create");
        FlexLayout row = new FlexLayout(due, create);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setPadding(false);
        getContent().add(row, result);
    }

    private static Anchor file(String id, String name, String type, String content, String text) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(
                        event -> new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length)),
                text);
        link.setId(id);
        link.getElement().setAttribute("download", true);
        link.getStyle().set("margin-left", "var(--lumo-space-m)");
        return link;
    }
}
