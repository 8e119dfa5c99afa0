package id.lapak.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleLineDetails;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.DeviceService;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A sale's page names the cashier the device reported and shows each line's discount, in both languages. */
@ViewPackages(packages = "id.lapak.sales.none")
class SaleViewTest extends BrowserlessTest {

    private final SalesService sales = mock(SalesService.class);
    private final StoreService stores = mock(StoreService.class);
    private final DeviceService devices = mock(DeviceService.class);
    private final TenantDirectory tenants = mock(TenantDirectory.class);

    @BeforeEach
    void signedInAdmin() {
        var user = TestUsers.user(UUID.randomUUID(), Set.of(), Role.MERCHANT_ADMIN);
        var auth = new TestingAuthenticationToken(user, null, Role.MERCHANT_ADMIN.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        when(tenants.current())
                .thenReturn(new TenantDetails(
                        UUID.randomUUID(),
                        "Toko",
                        "PT Toko",
                        "ID",
                        Currency.getInstance("IDR"),
                        ZoneId.of("Asia/Jakarta"),
                        TenantStatus.ACTIVE,
                        Instant.now()));
        when(stores.get(any())).thenThrow(new StoreNotFoundException(UUID.randomUUID()));
        when(devices.get(any())).thenThrow(new DeviceNotFoundException(UUID.randomUUID()));
    }

    @Test
    void theCashierAndTheLineDiscountsAreShown() {
        SaleView view = show(sale("K-07", "Sari", 5_000L));
        assertThat(factsText(view)).contains("Cashier", "Sari (K-07)", "Discounts", "IDR 5,000");
        Grid<?> lines = $(Grid.class).id("sale-lines");
        assertThat(lines.getColumns()).extracting(c -> c.getHeaderText()).contains("Discount");
        assertThat(test(lines).getCellText(0, 4)).contains("5,000").contains("-");
        assertThat(test(lines).getCellText(1, 4)).isEmpty();
    }

    @Test
    void inIndonesianAndWithoutACashierOrDiscount() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("id-ID"));
        SaleView view = show(sale(null, null, null));
        assertThat(factsText(view)).contains("Kasir", "Kasir tidak dilaporkan").doesNotContain("Diskon");
        Grid<?> lines = $(Grid.class).id("sale-lines");
        assertThat(lines.getColumns()).extracting(c -> c.getHeaderText()).doesNotContain("Diskon");
    }

    private SaleView show(SaleDetails details) {
        SaleView view = new SaleView(sales, stores, devices, mock(ReceiptMailer.class), tenants);
        UI.getCurrent().add(view);
        view.show(details);
        return view;
    }

    private String factsText(SaleView view) {
        return $(FormLayout.class).id("sale-facts").getElement().getTextRecursively();
    }

    private static SaleDetails sale(String cashierCode, String cashierName, Long discount) {
        SaleSummary summary = new SaleSummary(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                SaleStatus.CAPTURED,
                "IDR",
                53_000,
                0,
                53_000,
                53_000,
                0,
                CardBrand.VISA,
                "411111******1111",
                EntryMode.CHIP,
                false,
                Instant.now(),
                Instant.now(),
                "00",
                "ABC123",
                null);
        long first = 2 * 22_500 - (discount == null ? 0 : discount);
        return new SaleDetails(
                summary,
                null,
                0,
                Instant.now(),
                12,
                2030,
                "SBXA-1",
                List.of(
                        new SaleLineDetails(1, UUID.randomUUID(), "Kopi", 2, 22_500, 0, first, 0, discount),
                        new SaleLineDetails(2, UUID.randomUUID(), "Teh", 1, 8_000, 0, 8_000, 0, null)),
                List.of(),
                cashierCode,
                cashierName);
    }
}
