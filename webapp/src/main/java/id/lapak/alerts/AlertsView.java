package id.lapak.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.device.health.AlertNotFoundException;
import id.lapak.device.health.AlertSettings;
import id.lapak.device.health.AlertSettingsService;
import id.lapak.device.health.DeviceAlert;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/** Open device alerts, newest first, a page at a time; acknowledging one tells the team someone is on it. */
@Route("alerts")
@PageTitle("Lapak · Alerts")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class AlertsView extends VerticalLayout {

    private final DeviceAlerts alerts;
    private final Grid<DeviceAlert> grid = new Grid<>();

    AlertsView(DeviceAlerts alerts, AlertSettingsService settings, TenantDirectory tenants) {
        this.alerts = alerts;
        setId("alerts");
        setSizeFull();

        DateTimeFormatter since =
                PortalDates.dateTime(getLocale(), tenants.current().timeZone());
        grid.setId("alert-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeviceAlert::deviceName)
                .setHeader(getTranslation("alerts.column.device"))
                .setFlexGrow(2);
        grid.addColumn(a -> getTranslation("alerts.kind." + a.kind().name()))
                .setHeader(getTranslation("alerts.column.kind"));
        grid.addColumn(a -> since.format(a.raisedAt())).setHeader(getTranslation("alerts.column.since"));
        grid.addComponentColumn(this::acknowledgement).setHeader(getTranslation("alerts.column.acknowledgedBy"));
        grid.setEmptyStateText(getTranslation("alerts.empty"));
        grid.setItemsPageable(pageable -> alerts.openAlerts(pageable).getContent());

        add(new H2(getTranslation("alerts.title")), thresholds(settings), grid);
    }

    /** When a device counts as offline and its battery as low: merchant admins change it, managers see it. */
    private Component thresholds(AlertSettingsService settings) {
        AlertSettings current = settings.current();
        IntegerField offline = new IntegerField(getTranslation("alerts.settings.offlineAfter"));
        offline.setId("alert-offline-minutes");
        offline.setMin(AlertSettings.OFFLINE_AFTER_MIN);
        offline.setMax(AlertSettings.OFFLINE_AFTER_MAX);
        offline.setValue(current.offlineAfterMinutes());
        IntegerField battery = new IntegerField(getTranslation("alerts.settings.batteryLow"));
        battery.setId("alert-battery-low");
        battery.setMin(AlertSettings.BATTERY_LOW_MIN);
        battery.setMax(AlertSettings.BATTERY_LOW_MAX);
        battery.setValue(current.batteryLowPercent());
        boolean admin = CurrentUser.require().mayChange(Role.MERCHANT_ADMIN);
        offline.setReadOnly(!admin);
        battery.setReadOnly(!admin);
        Button save = new Button(getTranslation("alerts.settings.save"), e -> {
            offline.setInvalid(false);
            battery.setInvalid(false);
            if (offline.getValue() == null || battery.getValue() == null) {
                (offline.getValue() == null ? offline : battery).setInvalid(true);
                return;
            }
            try {
                settings.update(offline.getValue(), battery.getValue());
                Notification.show(getTranslation("alerts.settings.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                IntegerField field = ex.getMessage().endsWith("batteryLow") ? battery : offline;
                field.setErrorMessage(getTranslation(ex.getMessage()));
                field.setInvalid(true);
            }
        });
        save.setId("alert-settings-save");
        save.setVisible(admin);
        HorizontalLayout row = new HorizontalLayout(offline, battery, save);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private Component acknowledgement(DeviceAlert alert) {
        if (alert.acknowledged()) {
            return new Span(alert.acknowledgedBy());
        }
        Button acknowledge = new Button(getTranslation("alerts.acknowledge"), e -> acknowledge(alert));
        acknowledge.addClassName("acknowledge-alert");
        acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return acknowledge;
    }

    private void acknowledge(DeviceAlert alert) {
        try {
            alerts.acknowledge(alert.id());
            Notification.show(getTranslation("alerts.acknowledged"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (AlertNotFoundException e) {
            Notification.show(getTranslation("alerts.notFound"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        // Rebuilds the list and the layout, so the navigation badge shows the new count too.
        UI.getCurrent().refreshCurrentRoute(true);
    }
}
