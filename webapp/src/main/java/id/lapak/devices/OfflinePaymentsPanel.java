package id.lapak.devices;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceDetails;
import id.lapak.tenant.money.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the device still holds (its last heartbeat) and the offline payments that arrived from it. */
class OfflinePaymentsPanel extends VerticalLayout {

    private static final int OFFLINE_UPLOADS_SHOWN = 50;

    private final DeviceDetails device;
    private final ZoneId zone;
    private final SalesService sales;

    OfflinePaymentsPanel(DeviceDetails device, ZoneId zone, SalesService sales) {
        this.device = device;
        this.zone = zone;
        this.sales = sales;
        setPadding(false);
        add(render());
    }

    private Component render() {
        int waiting = device.pendingUploads() == null ? 0 : device.pendingUploads();
        Paragraph pending = new Paragraph(getTranslation("device.offline.waiting", waiting));
        pending.setId("device-offline-waiting");
        DateTimeFormatter exact = DeviceTimes.dateTime(getLocale(), zone);
        Grid<SaleSummary> grid = new Grid<>();
        grid.setId("device-offline-uploads");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> exact.format(s.soldAt())).setHeader(getTranslation("device.offline.takenAt"));
        grid.addColumn(s -> exact.format(s.receivedAt())).setHeader(getTranslation("device.offline.arrivedAt"));
        grid.addColumn(s -> Money.of(s.amountMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("device.offline.amount"));
        grid.addColumn(s -> s.maskedPan() == null ? "" : s.maskedPan())
                .setHeader(getTranslation("device.offline.card"));
        grid.addComponentColumn(s -> {
                    Span status = new Span(
                            s.offlineDeclined()
                                    ? getTranslation("device.offline.declined")
                                    : getTranslation("sale.status." + s.status().name()));
                    if (s.offlineDeclined()) {
                        status.getElement().getThemeList().add("badge error");
                    }
                    return status;
                })
                .setHeader(getTranslation("device.offline.result"));
        grid.setEmptyStateText(getTranslation("device.offline.empty"));
        grid.setItems(sales.offlineUploads(device.id(), OFFLINE_UPLOADS_SHOWN));
        VerticalLayout box = new VerticalLayout(pending, grid);
        box.setPadding(false);
        return box;
    }
}
