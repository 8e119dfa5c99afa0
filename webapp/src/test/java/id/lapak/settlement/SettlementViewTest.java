package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.payout.PayoutAccountRefused;
import id.lapak.billing.payout.PayoutAccountService;
import id.lapak.billing.pricing.PricingService;
import id.lapak.billing.settlement.AdjustmentRefused;
import id.lapak.billing.settlement.AdjustmentService;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Settlement page without a browser: empty states, who sees payouts, a day's lines and statements. */
@ViewPackages(classes = SettlementView.class)
class SettlementViewTest extends BrowserlessTest {

    final SettlementService settlement = mock(SettlementService.class);
    final StoreService stores = mock(StoreService.class);
    final PayoutAccountService accounts = mock(PayoutAccountService.class);
    final AdjustmentService adjustments = mock(AdjustmentService.class);
    final PricingService pricing = mock(PricingService.class);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminWithNothingClosedYetIsToldWhatWillAppearAndWhen() {
        when(accounts.current()).thenReturn(Optional.empty());
        show(Role.MERCHANT_ADMIN);
        assertThat($(Grid.class).id("settlement-batches").getEmptyStateText())
                .startsWith("No business day has been closed yet.");
        assertThat($(Grid.class).id("settlement-payouts").getEmptyStateText()).startsWith("No payouts yet.");
        assertThat($(Span.class).id("payout-account").getText()).startsWith("No payout account yet");
    }

    @Test
    void aStoreManagerSeesNoPayoutsAndCannotChangeTheAccount() {
        show(Role.STORE_MANAGER);
        assertThat($(Grid.class).withId("settlement-payouts").exists()).isFalse();
        assertThat($(Button.class).withId("payout-account-change").exists()).isFalse();
    }

    @Test
    void selectingADayShowsItsLinesEachLinkingToItsSaleAndBothStatements() {
        UUID batch = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        when(settlement.batches(anyInt()))
                .thenReturn(List.of(new BatchRow(
                        batch,
                        LocalDate.of(2026, 12, 1),
                        "IDR",
                        1,
                        0,
                        150_000,
                        0,
                        2_850,
                        314,
                        0L,
                        0L,
                        146_836L,
                        "SCHEDULED",
                        LocalDate.of(2026, 12, 2))));
        when(settlement.lines(batch))
                .thenReturn(List.of(new LineRow(
                        UUID.randomUUID(),
                        sale,
                        "Maju Pusat",
                        ZoneId.of("Asia/Jakarta"),
                        "CAPTURE",
                        "VISA",
                        Instant.parse("2026-12-01T03:00:00Z"),
                        Instant.parse("2026-12-01T03:00:00Z"),
                        150_000,
                        2_850,
                        314,
                        false)));
        when(settlement.statementCsv(batch)).thenReturn("business_day,2026-12-01\n");
        when(settlement.statementPdf(any(), any(), any())).thenReturn(new byte[] {'%', 'P', 'D', 'F', '-'});
        when(accounts.current()).thenReturn(Optional.empty());
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("id-ID"));
        show(Role.MERCHANT_ADMIN);

        Grid<?> batches = $(Grid.class).id("settlement-batches");
        assertThat(test(batches).getCellText(0, 8))
                .as("net in rupiah")
                .contains("Rp")
                .contains("146.836");
        test(batches).select(0);
        assertThat(test($(Grid.class).id("settlement-lines")).size()).isEqualTo(1);
        assertThat($(Anchor.class).id("settlement-statement-csv").getText()).contains("CSV");
        assertThat($(Anchor.class).id("settlement-statement-pdf").getText()).contains("PDF");
    }

    @Test
    void aRefusedAccountNumberIsNamedOnItsField() {
        when(accounts.current()).thenReturn(Optional.empty());
        when(accounts.change(any()))
                .thenThrow(new PayoutAccountRefused(Map.of("accountNumber", "payoutAccount.error.accountNumber")));
        show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("payout-account-change")).click();
        test($(TextField.class).id("payout-number")).setValue("12");
        test($(Button.class).id("payout-account-save")).click();
        TextField number = $(TextField.class).id("payout-number");
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("An account number has 6 to 20 digits");
    }

    @Test
    void anAdminTakesMoneyWithAReasonAndARefusedReasonIsNamedOnItsField() {
        when(accounts.current()).thenReturn(Optional.empty());
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("id-ID"));
        show(Role.MERCHANT_ADMIN);
        assertThat($(Grid.class).id("settlement-adjustments").getEmptyStateText())
                .startsWith("Belum ada penyesuaian");

        when(adjustments.record(any(), eq("x")))
                .thenThrow(new AdjustmentRefused(Map.of("reason", "adjustment.error.reason")));
        test($(Button.class).id("adjustment-record")).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> direction = $(RadioButtonGroup.class).id("adjustment-direction");
        assertThat(direction.getItemLabelGenerator().apply("debit")).isEqualTo("Kurangi dari saldo merchant");
        direction.setValue("debit");
        test($(TextField.class).id("adjustment-amount")).setValue("Rp 12.500");
        test($(TextArea.class).id("adjustment-reason")).setValue("x");
        test($(Button.class).id("adjustment-save")).click();
        TextArea reason = $(TextArea.class).id("adjustment-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Tuliskan alasannya, 3 sampai 500 karakter");

        test(reason).setValue("Biaya kartu dikoreksi");
        test($(Button.class).id("adjustment-save")).click();
        verify(adjustments).record(Money.of(-12_500, "IDR"), "Biaya kartu dikoreksi");
        assertThat($(TextArea.class).withId("adjustment-reason").exists()).isFalse();
    }

    @Test
    void choosingAMonthOffersItsStatementAsPdfCsvAndXlsx() {
        when(accounts.current()).thenReturn(Optional.empty());
        when(settlement.monthPdf(any(), any(), any())).thenReturn(new byte[] {'%', 'P', 'D', 'F', '-'});
        when(settlement.monthCsv(any())).thenReturn("month,2026-11\n");
        when(settlement.monthXlsx(any(), any())).thenReturn(new byte[] {'P', 'K'});
        show(Role.STORE_MANAGER);
        assertThat($(Anchor.class).withId("settlement-month-pdf").exists()).isFalse();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<java.time.YearMonth> month =
                $(com.vaadin.flow.component.select.Select.class).id("settlement-month");
        month.setValue(java.time.YearMonth.now().minusMonths(1));
        assertThat($(Anchor.class).id("settlement-month-pdf").getText()).isEqualTo("PDF");
        assertThat($(Anchor.class).id("settlement-month-csv").getText()).isEqualTo("CSV");
        assertThat($(Anchor.class).id("settlement-month-xlsx").getText()).isEqualTo("XLSX");
        verify(settlement).monthXlsx(eq(java.time.YearMonth.now().minusMonths(1)), any());
    }

    private void show(Role role) {
        var user = TestUsers.user(UUID.randomUUID(), Set.of(), role);
        var auth = new TestingAuthenticationToken(user, null, role.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        UI.getCurrent().add(new SettlementView(settlement, stores, accounts, adjustments, pricing));
    }
}
