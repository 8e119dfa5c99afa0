package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.payout.PayoutRun;
import id.lapak.billing.payout.PayoutService;
import id.lapak.billing.pricing.PricingRefused;
import id.lapak.billing.pricing.PricingService;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantOverview;
import id.lapak.tenant.access.Role;
import id.lapak.testing.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Support's settlement settings without a browser: refused fields named, the payout run's two bank files offered. */
@ViewPackages(classes = SupportSettlementView.class)
class SupportSettlementViewTest extends BrowserlessTest {

    final PricingService pricing = mock(PricingService.class);
    final PayoutService payouts = mock(PayoutService.class);
    final TenantAdministration tenants = mock(TenantAdministration.class);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNegativeRateAndAHolidayInTheWrongYearAreNamedOnTheirFields() {
        when(pricing.holidays(anyInt())).thenReturn(List.of());
        doThrow(new PricingRefused(Map.of("day", "holiday.error.year")))
                .when(pricing)
                .saveHoliday(any(), any(), anyBoolean());
        when(pricing.addPlan(any(), any()))
                .thenThrow(new PricingRefused(
                        Map.of("VISA.rate", "pricing.error.rate", "minimumFee", "pricing.error.negative")));
        show();
        assertThat($(IntegerField.class).id("pricing-VISA-rate").isEnabled())
                .as("no tenant chosen")
                .isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<TenantOverview> tenant = $(ComboBox.class).id("support-settlement-tenant");
        tenant.setValue(new TenantOverview(
                UUID.randomUUID(),
                "Toko Maju",
                "PT Toko Maju",
                "ID",
                "ACTIVE",
                null,
                1,
                1,
                java.time.Instant.now(),
                null,
                null,
                null));

        test($(IntegerField.class).id("pricing-VISA-rate")).setValue(-5);
        test($(Button.class).id("pricing-save")).click();
        IntegerField visa = $(IntegerField.class).id("pricing-VISA-rate");
        assertThat(visa.isInvalid()).isTrue();
        assertThat(visa.getErrorMessage()).startsWith("A rate is between 0 and 10000");
        assertThat($(IntegerField.class).id("pricing-minimum-fee").getErrorMessage())
                .isEqualTo("Must not be negative");

        $(DatePicker.class).id("holiday-day").setValue(LocalDate.now().minusYears(3));
        test($(TextField.class).id("holiday-name")).setValue("Hari Lama");
        test($(Button.class).id("holiday-save")).click();
        assertThat($(DatePicker.class).id("holiday-day").getErrorMessage())
                .isEqualTo("A holiday of this year or the next two years");
    }

    @Test
    void aPayoutRunOffersTheBankCsvAndPain001() {
        when(pricing.holidays(anyInt())).thenReturn(List.of());
        when(payouts.createRun(any(), eq("IDR")))
                .thenReturn(new PayoutRun(
                        UUID.randomUUID(), LocalDate.now(), 2, 1_500_000, "IDR", "payout_id,amount\n", "<Document/>"));
        show();
        test($(Button.class).id("payout-run-create")).click();
        assertThat($(Span.class)
                        .withText("2 payouts, "
                                + id.lapak.tenant.money.Money.of(1_500_000, "IDR")
                                        .format(UI.getCurrent().getLocale())
                                + " in total. Download the files for the bank:")
                        .exists())
                .isTrue();
        assertThat($(Anchor.class).id("payout-run-csv").getText()).isEqualTo("Bank file (CSV)");
        assertThat($(Anchor.class).id("payout-run-pain001").getText()).contains("pain.001");
    }

    private void show() {
        var user = TestUsers.user(null, Set.of(), Role.SUPPORT);
        var auth = new TestingAuthenticationToken(user, null, Role.SUPPORT.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        UI.getCurrent().add(new SupportSettlementView(pricing, payouts, tenants));
    }
}
