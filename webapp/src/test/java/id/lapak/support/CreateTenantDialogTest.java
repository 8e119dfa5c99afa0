package id.lapak.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.identity.InvalidRequestException;
import id.lapak.identity.Invitation;
import id.lapak.identity.TeamChangeRefused;
import id.lapak.identity.TenantProvisioning;
import id.lapak.identity.TenantRequest;
import id.lapak.tenant.TenantOnboarding;
import id.lapak.tenant.TenantPlan;
import id.lapak.tenant.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Support's create-tenant form: refusals stay on the fields, the button comes back, and success is only success. */
@ViewPackages(packages = "id.lapak.support.none")
class CreateTenantDialogTest extends BrowserlessTest {

    final TenantProvisioning provisioning = mock(TenantProvisioning.class);
    final TenantOnboarding created = new TenantOnboarding(
            UUID.randomUUID(),
            "Warung Baru",
            "PT Warung Baru",
            "01.234.567.8-901.000",
            TenantPlan.values()[0],
            "owner@warung.example",
            "Sari Dewi",
            TenantStatus.ACTIVE,
            null,
            Instant.now());

    @BeforeEach
    void open() {
        new CreateTenantDialog(provisioning, () -> {}).open();
    }

    @Test
    void aRefusedFormShowsOnlyFieldMessagesAndCanBeSentAgainOnceFixed() {
        when(provisioning.create(any(TenantRequest.class)))
                .thenThrow(new InvalidRequestException(List.of(
                        new TeamChangeRefused("taxId", "onboarding.error.taxId"),
                        new TeamChangeRefused("name", "onboarding.error.name"))))
                .thenReturn(new TenantProvisioning.Result(
                        created, Optional.of(new Invitation("u1", "owner@warung.example", "Temp-Pass-1234"))));
        Button create = $(Button.class).id("onboard-create");

        test(create).click();

        TextField taxId = $(TextField.class).id("onboard-tax-id");
        assertThat(taxId.isInvalid()).isTrue();
        assertThat($(TextField.class).id("onboard-name").isInvalid()).isTrue();
        assertThat(create.isEnabled())
                .as("Create is offered again after a refusal")
                .isTrue();
        assertThat($(Notification.class).all())
                .as("no error notification beside the field messages")
                .isEmpty();

        test($(TextField.class).id("onboard-name")).setValue("Warung Baru");
        test(taxId).setValue("01.234.567.8-901.000");
        test(create).click();

        verify(provisioning, times(2)).create(any(TenantRequest.class));
        List<Notification> notes = $(Notification.class).all();
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst().getElement().getThemeList()).contains("success");
    }
}
