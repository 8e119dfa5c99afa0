package id.lapak.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refund dialog checks the amount before asking the service, and shows the service's refusals as messages. */
@ViewPackages(classes = RefundDialogTest.class)
class RefundDialogTest extends BrowserlessTest {

    private final SalesService sales = mock(SalesService.class);
    private final List<SaleDetails> refunded = new ArrayList<>();
    private final Properties english = new Properties();
    private SaleDetails details;
    private RefundDialog dialog;

    @BeforeEach
    void openDialog() throws Exception {
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        // Captured 1,000.00, 400.00 refunded already: 600.00 left.
        SaleSummary sale = new SaleSummary(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                SaleStatus.PARTIALLY_REFUNDED,
                "IDR",
                100_000,
                0,
                100_000,
                100_000,
                40_000,
                CardBrand.VISA,
                "411111******1111",
                EntryMode.CHIP,
                false,
                Instant.now(),
                Instant.now(),
                "00",
                "ABC123",
                null);
        details = new SaleDetails(sale, null, 0, Instant.now(), 12, 2030, "SBXA-1", List.of(), List.of(), null, null);
        dialog = new RefundDialog(sales, details, refunded::add);
        dialog.open();
        roundTrip();
    }

    private TextField amount() {
        return $(TextField.class).id("refund-amount");
    }

    private void confirm() {
        test($(Button.class).id("refund-confirm")).click();
    }

    @Test
    void offersWhatIsLeftAndRefusesMoreOrNothingWithoutAskingTheService() {
        // Whole rupiah: 100,000 captured, 40,000 refunded, 60,000 left.
        assertThat(amount().getValue()).isEqualTo("60,000");
        amount().setValue("60,001");
        confirm();
        assertThat(amount().isInvalid()).isTrue();
        amount().setValue("0");
        confirm();
        assertThat(amount().isInvalid()).isTrue();
        amount().setValue("1.5");
        confirm();
        assertThat(amount().isInvalid()).isTrue();
        assertThat(amount().getErrorMessage()).isEqualTo(english.getProperty("money.invalid.too-many-decimals"));
        // Indonesian grouping typed on an English page is not read as 23 rupiah.
        amount().setValue("23.000");
        confirm();
        assertThat(amount().getErrorMessage()).isEqualTo(english.getProperty("money.invalid.ambiguous"));
        amount().setValue("lima ribu");
        confirm();
        assertThat(amount().getErrorMessage()).isEqualTo(english.getProperty("money.invalid.not-a-number"));
        verify(sales, never()).refund(any(), anyLong(), anyBoolean(), any());
    }

    @Test
    void aRefusalShowsItsMessageAndASuccessClosesTheDialog() {
        amount().setValue("IDR 20,050");
        doThrow(new PaymentRefusedException("operation_in_progress", "busy"))
                .when(sales)
                .refund(details.sale().id(), 20_050, false, "spilled");
        test($(com.vaadin.flow.component.textfield.TextArea.class).id("refund-reason"))
                .setValue("spilled");
        confirm();
        assertThat($(Span.class).id("refund-error").getText())
                .isEqualTo(english.getProperty("payment.refused.operation_in_progress"));
        assertThat(dialog.isOpened()).isTrue();

        doThrow(new PaymentRefusedException("something_new", "?"))
                .when(sales)
                .refund(details.sale().id(), 20_050, false, "spilled");
        confirm();
        assertThat($(Span.class).id("refund-error").getText()).isEqualTo(english.getProperty("sales.refund.failed"));

        doReturn(details).when(sales).refund(details.sale().id(), 20_050, false, "spilled");
        confirm();
        assertThat(refunded).containsExactly(details);
        assertThat(dialog.isOpened()).isFalse();
    }
}
