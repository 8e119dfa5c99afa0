package id.lapak.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.reports.ReportService;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a cashier's landing page says: their store's day so far, never "once devices are paired". */
@ViewPackages(packages = "id.lapak.dashboard.none")
class CashierDashboardTest extends BrowserlessTest {

    final TenantDirectory tenants = mock(TenantDirectory.class);
    final SalesService sales = mock(SalesService.class);
    final UUID tenant = UUID.randomUUID();

    @BeforeEach
    void aCashierOfOneStore() {
        when(tenants.current())
                .thenReturn(new TenantDetails(
                        tenant,
                        "Maju",
                        "PT Maju",
                        "ID",
                        Currency.getInstance("IDR"),
                        ZoneId.of("Asia/Jayapura"),
                        TenantStatus.ACTIVE,
                        Instant.parse("2026-01-01T00:00:00Z")));
        var cashier = TestUsers.user(tenant, Set.of(UUID.randomUUID()), Role.CASHIER);
        var auth = new TestingAuthenticationToken(cashier, null, Role.CASHIER.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCashierSeesTodaysSalesOfTheirStore() {
        when(sales.storeTotals(any(), any()))
                .thenReturn(List.of(new SaleTotals("IDR", 5, 4, 1, 120_000, 120_000, 15_000, 0)));

        String text = today();

        assertThat(text)
                .contains("4 approved sales")
                .contains("IDR 120,000")
                .contains("IDR 15,000")
                .doesNotContain("paired");
        // Today is the business day in the tenant's zone (WIT here): a 24-hour window starting at local midnight.
        verify(sales)
                .storeTotals(
                        argThat(from -> from.atZone(ZoneId.of("Asia/Jayapura"))
                                        .toLocalTime()
                                        .toSecondOfDay()
                                == 0),
                        argThat(to -> to.atZone(ZoneId.of("Asia/Jayapura"))
                                        .toLocalTime()
                                        .toSecondOfDay()
                                == 0));
    }

    @Test
    void aDayWithoutSalesSaysSo() {
        when(sales.storeTotals(any(), any())).thenReturn(List.of());

        assertThat(today()).contains("No sales yet today in your store.").doesNotContain("paired");
    }

    private String today() {
        DashboardView view = new DashboardView(
                tenants,
                mock(StoreService.class),
                mock(ReportService.class),
                mock(StockService.class),
                mock(DeviceAlerts.class),
                mock(SettlementService.class),
                sales);
        UI.getCurrent().add(view);
        view.beforeEnter(null);
        return $(Div.class, view).id("dashboard-cashier-today").getElement().getTextRecursively();
    }
}
