package id.lapak.support;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.lapak.identity.TeamChangeRefused;
import id.lapak.identity.TenantProvisioning;
import id.lapak.tenant.TenantOnboarding;
import id.lapak.ui.TemporaryPasswordDialog;
import java.util.List;

/**
 * Tenants whose Keycloak provisioning failed or has not finished, with the reason and a Retry action. Hidden when
 * there are none.
 */
class ProvisioningPanel extends Composite<VerticalLayout> {

    private final TenantProvisioning provisioning;
    private final Runnable changed;
    private final Grid<TenantOnboarding> grid = new Grid<>();

    ProvisioningPanel(TenantProvisioning provisioning, Runnable changed) {
        this.provisioning = provisioning;
        this.changed = changed;
        getContent().setId("provisioning-panel");
        getContent().setPadding(false);
        grid.setId("provisioning-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(TenantOnboarding::name).setHeader(getTranslation("support.tenants.column.name"));
        grid.addColumn(TenantOnboarding::adminEmail).setHeader(getTranslation("onboarding.field.adminEmail"));
        grid.addColumn(t -> getTranslation("tenant.status." + t.status().name()))
                .setHeader(getTranslation("support.tenants.column.status"));
        grid.addColumn(t -> reason(t.provisioningError()))
                .setHeader(getTranslation("onboarding.reason"))
                .setFlexGrow(2);
        grid.addComponentColumn(t -> {
            Button retry = new Button(getTranslation("onboarding.retry"), e -> retry(t));
            retry.addClassName("retry-provisioning");
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setDisableOnClick(true);
            return retry;
        });
        getContent().add(new H3(getTranslation("onboarding.awaiting")), grid);
        refresh();
    }

    void refresh() {
        List<TenantOnboarding> waiting = provisioning.awaitingProvisioning();
        grid.setItems(waiting);
        getContent().setVisible(!waiting.isEmpty());
    }

    private void retry(TenantOnboarding tenant) {
        try {
            TenantProvisioning.Result result = provisioning.retry(tenant.id());
            if (result.provisioned()) {
                var invitation = result.adminInvitation().orElseThrow();
                new TemporaryPasswordDialog(invitation.email(), invitation.temporaryPassword()).open();
            } else {
                Notification.show(
                                getTranslation("onboarding.failed", tenant.name()), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (TeamChangeRefused e) {
            Notification.show(getTranslation(e.messageKey()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        changed.run();
    }

    private String reason(String error) {
        if (error == null) {
            return "";
        }
        return error.startsWith("identity.") || error.startsWith("onboarding.") ? getTranslation(error) : error;
    }
}
