package id.lapak.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.lapak.reports.ReportRebuilds;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantLifecycleException;
import id.lapak.tenant.TenantOverview;
import id.lapak.ui.PortalDates;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One tenant's support actions. Each asks for what it needs (a reason, or the tenant's name typed for deletion);
 * the service checks it again and audits the action.
 */
class TenantDialog extends Dialog {

    private final TenantAdministration tenants;
    private final ReportRebuilds reports;
    private final ViewAs viewAs;
    private final TenantOverview tenant;
    private final Runnable changed;

    TenantDialog(
            TenantAdministration tenants,
            ReportRebuilds reports,
            ViewAs viewAs,
            TenantOverview tenant,
            Runnable changed) {
        this.tenants = tenants;
        this.reports = reports;
        this.viewAs = viewAs;
        this.tenant = tenant;
        this.changed = changed;
        setId("tenant-dialog");
        setHeaderTitle(tenant.name());
        setWidth("36rem");

        DateTimeFormatter time = PortalDates.dateTime(getLocale(), ZoneId.of("Asia/Jakarta"));
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph(tenant.legalName() + " · " + tenant.country() + " · " + status(tenant.status())));
        if (tenant.suspended() && tenant.suspendedReason() != null) {
            Paragraph why = new Paragraph(getTranslation(
                    "support.tenants.suspendedBecause",
                    tenant.suspendedReason(),
                    tenant.suspendedBy(),
                    tenant.suspendedAt() == null ? "" : time.format(tenant.suspendedAt())));
            why.setId("tenant-suspended-reason");
            body.add(why);
        }
        add(body);

        Button close = new Button(getTranslation("support.tenants.close"), e -> close());
        close.setId("tenant-dialog-close");
        getFooter().add(close);

        Button view = new Button(
                getTranslation("support.viewAs"),
                e -> askReason("support.viewAs", "support.viewAs.hint", this::startViewAs));
        view.setId("tenant-view-as");
        body.add(view);

        if (tenant.active()) {
            Button suspend = new Button(
                    getTranslation("support.tenants.suspend"),
                    e -> askReason("support.tenants.suspend", "support.tenants.suspend.hint", reason -> {
                        tenants.suspend(tenant.id(), reason);
                        done("support.tenants.suspended");
                    }));
            suspend.setId("tenant-suspend");
            suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
            body.add(suspend);
        } else if (tenant.suspended()) {
            Button reactivate = new Button(
                    getTranslation("support.tenants.reactivate"),
                    e -> askReason("support.tenants.reactivate", "support.tenants.reactivate.hint", reason -> {
                        tenants.reactivate(tenant.id(), reason);
                        done("support.tenants.reactivated");
                    }));
            reactivate.setId("tenant-reactivate");
            body.add(reactivate);
        }

        Button recompute = new Button(
                getTranslation("support.reports.rebuild"),
                e -> askReason("support.reports.rebuild", "support.reports.rebuild.hint", reason -> {
                    reports.rebuild(tenant.id(), reason);
                    done("support.reports.rebuilding");
                }));
        recompute.setId("tenant-rebuild-reports");
        body.add(recompute);

        UUID id = tenant.id();
        Anchor export = new Anchor(
                (DownloadEvent event) -> {
                    event.setFileName("lapak-tenant-" + id + ".zip");
                    event.setContentType("application/zip");
                    try (var out = event.getOutputStream()) {
                        tenants.export(id, out);
                    }
                },
                getTranslation("support.tenants.export"));
        export.setId("tenant-export");
        Button delete = new Button(getTranslation("support.tenants.delete"), e -> confirmDelete());
        delete.setId("tenant-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        body.add(new Paragraph(getTranslation("support.tenants.offboard.hint")), export, delete);
    }

    private void startViewAs(String reason) {
        viewAs.start(tenant.id(), reason);
        // A full reload into the tenant's dashboard: the portal frame is rebuilt for the viewed tenant, with its
        // banner. ("" would not navigate at all: window.open('', '_self') keeps the current page.)
        UI.getCurrent().getPage().setLocation("./");
    }

    private void askReason(String titleKey, String hintKey, Consumer<String> action) {
        Dialog ask = new Dialog();
        ask.setId("reason-dialog");
        ask.setHeaderTitle(getTranslation(titleKey));
        TextArea reason = new TextArea(getTranslation("support.reason"));
        reason.setId("reason-field");
        reason.setHelperText(getTranslation(hintKey));
        reason.setMaxLength(TenantAdministration.REASON_MAX);
        reason.setWidthFull();
        ask.add(reason);
        Button cancel = new Button(getTranslation("support.tenants.cancel"), e -> ask.close());
        Button ok = new Button(getTranslation(titleKey), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("support.reason.required"));
                return;
            }
            try {
                action.accept(reason.getValue());
                ask.close();
            } catch (TenantLifecycleException ex) {
                ask.close();
                error(ex.getMessage());
            }
        });
        ok.setId("reason-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.getFooter().add(cancel, ok);
        ask.open();
    }

    private void confirmDelete() {
        Dialog confirm = new Dialog();
        confirm.setId("delete-dialog");
        confirm.setHeaderTitle(getTranslation("support.tenants.delete"));
        confirm.add(new Paragraph(getTranslation("support.tenants.delete.confirm", tenant.name())));
        TextField typed = new TextField(getTranslation("support.tenants.delete.typeName"));
        typed.setId("delete-name");
        typed.setWidthFull();
        confirm.add(typed);
        Button cancel = new Button(getTranslation("support.tenants.cancel"), e -> confirm.close());
        Button delete = new Button(getTranslation("support.tenants.delete"), e -> {
            try {
                tenants.delete(tenant.id(), typed.getValue());
                confirm.close();
                done("support.tenants.deleted");
            } catch (TenantLifecycleException ex) {
                typed.setInvalid(true);
                typed.setErrorMessage(getTranslation(ex.getMessage()));
            }
        });
        delete.setId("delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(cancel, delete);
        confirm.open();
    }

    private void done(String key) {
        close();
        changed.run();
        Notification.show(getTranslation(key, tenant.name())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String key) {
        Notification.show(getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private String status(String value) {
        return SupportTenantsView.STATUSES.contains(value) ? getTranslation("tenant.status." + value) : value;
    }
}
