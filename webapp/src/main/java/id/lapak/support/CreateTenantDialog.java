package id.lapak.support;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.identity.InvalidRequestException;
import id.lapak.identity.TenantProvisioning;
import id.lapak.identity.TenantRequest;
import id.lapak.tenant.TenantPlan;
import id.lapak.ui.TemporaryPasswordDialog;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Support onboards a merchant in one form: the tenant, its plan and its first merchant admin. On success the admin's
 * temporary password is shown once; if Keycloak fails, the tenant waits in the "provisioning" list for a retry.
 */
class CreateTenantDialog extends Dialog {

    static final List<String> CURRENCIES = List.of("IDR", "SGD", "MYR", "THB", "PHP", "VND", "USD");
    static final List<String> TIME_ZONES = List.of(
            "Asia/Jakarta",
            "Asia/Makassar",
            "Asia/Jayapura",
            "Asia/Singapore",
            "Asia/Kuala_Lumpur",
            "Asia/Bangkok",
            "Asia/Manila",
            "Asia/Ho_Chi_Minh");

    private final TextField name = field("onboard-name", "onboarding.field.name");
    private final TextField legalName = field("onboard-legal-name", "onboarding.field.legalName");
    private final TextField taxId = field("onboard-tax-id", "onboarding.field.taxId");
    private final TextField country = field("onboard-country", "onboarding.field.country");
    private final ComboBox<String> currency = new ComboBox<>();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final Select<TenantPlan> plan = new Select<>();
    private final EmailField adminEmail = new EmailField();
    private final TextField adminFirstName = field("onboard-admin-first-name", "onboarding.field.adminFirstName");
    private final TextField adminLastName = field("onboard-admin-last-name", "onboarding.field.adminLastName");
    private final Button create = new Button();

    CreateTenantDialog(TenantProvisioning provisioning, Runnable changed) {
        setId("create-tenant-dialog");
        setHeaderTitle(getTranslation("onboarding.title"));
        TenantRequest defaults = TenantRequest.indonesianDefaults();
        taxId.setHelperText(getTranslation("onboarding.field.taxId.help"));
        country.setValue(defaults.country());
        country.setMaxLength(2);
        currency.setId("onboard-currency");
        currency.setLabel(getTranslation("onboarding.field.currency"));
        currency.setItems(CURRENCIES);
        currency.setValue(defaults.currency().getCurrencyCode());
        timeZone.setId("onboard-time-zone");
        timeZone.setLabel(getTranslation("onboarding.field.timeZone"));
        timeZone.setItems(TIME_ZONES);
        timeZone.setValue(defaults.timeZone().getId());
        plan.setId("onboard-plan");
        plan.setLabel(getTranslation("onboarding.field.plan"));
        plan.setItems(TenantPlan.values());
        plan.setItemLabelGenerator(p -> getTranslation("tenant.plan." + p.name()));
        plan.setValue(defaults.plan());
        adminEmail.setId("onboard-admin-email");
        adminEmail.setLabel(getTranslation("onboarding.field.adminEmail"));

        FormLayout form = new FormLayout(
                name, legalName, taxId, country, currency, timeZone, plan, adminEmail, adminFirstName, adminLastName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(form);

        Button cancel = new Button(getTranslation("onboarding.cancel"), e -> close());
        cancel.setId("onboard-cancel");
        create.setText(getTranslation("onboarding.create"));
        create.addClickListener(e -> create(provisioning, changed));
        create.setId("onboard-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        getFooter().add(cancel, create);
    }

    private void create(TenantProvisioning provisioning, Runnable changed) {
        Map<String, HasValidation> fields = Map.of(
                "name",
                name,
                "legalName",
                legalName,
                "taxId",
                taxId,
                "country",
                country,
                "adminEmail",
                adminEmail,
                "adminFirstName",
                adminFirstName,
                "adminLastName",
                adminLastName);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            TenantProvisioning.Result result = provisioning.create(request());
            close();
            changed.run();
            announce(result);
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> {
                HasValidation field = fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(p.messageKey()));
                    field.setInvalid(true);
                }
            });
        } finally {
            // Disabled on click so a double click cannot create twice; enabled again for the next attempt.
            create.setEnabled(true);
        }
    }

    /** The tenant and its first admin as the form says. */
    private TenantRequest request() {
        return new TenantRequest(
                name.getValue(),
                legalName.getValue(),
                taxId.getValue(),
                country.getValue(),
                Currency.getInstance(currency.getOptionalValue().orElse("IDR")),
                ZoneId.of(timeZone.getOptionalValue().orElse("Asia/Jakarta")),
                plan.getValue(),
                adminEmail.getValue(),
                adminFirstName.getValue(),
                adminLastName.getValue());
    }

    /** Says how it went: the admin's temporary password once the tenant is ready, or that Keycloak must be retried. */
    private void announce(TenantProvisioning.Result result) {
        if (result.provisioned()) {
            Notification.show(
                            getTranslation("onboarding.created", result.tenant().name()),
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            var invitation = result.adminInvitation().orElseThrow();
            new TemporaryPasswordDialog(invitation.email(), invitation.temporaryPassword()).open();
        } else {
            Notification.show(
                            getTranslation("onboarding.failed", result.tenant().name()),
                            8000,
                            Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private TextField field(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }
}
