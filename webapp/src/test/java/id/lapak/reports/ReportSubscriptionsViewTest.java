package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import id.lapak.reports.ReportSubscriptions.Request;
import id.lapak.reports.ReportSubscriptions.Subscription;
import id.lapak.tenant.store.StoreService;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;

/** The reports-by-e-mail page without a browser: a subscription is asked with the choices made and then listed. */
@ViewPackages(packages = "id.lapak.reports.none")
class ReportSubscriptionsViewTest extends BrowserlessTest {

    final ReportSubscriptions subscriptions = mock(ReportSubscriptions.class);
    final StoreService stores = mock(StoreService.class);

    @Test
    @SuppressWarnings("unchecked")
    void subscribingSendsTheChoicesAndListsTheSubscription() {
        Subscription weekly = new Subscription(
                UUID.randomUUID(),
                ReportKind.TAX,
                null,
                ReportFrequency.WEEKLY,
                ReportFormat.XLSX,
                LocalTime.of(6, 0),
                ZoneId.of("Asia/Jakarta"),
                true,
                "K-07");
        when(stores.find(eq(""), any())).thenReturn(Page.empty());
        when(subscriptions.mine()).thenReturn(List.of(), List.of(weekly));
        when(subscriptions.cashiers(null)).thenReturn(Map.of("K-07", "Sari (K-07)"));
        UI.getCurrent().add(new ReportSubscriptionsView(subscriptions, stores));

        $(ComboBox.class).id("subscription-kind").setValue(ReportKind.TAX);
        $(ComboBox.class).id("subscription-frequency").setValue(ReportFrequency.WEEKLY);
        $(ComboBox.class).id("subscription-format").setValue(ReportFormat.XLSX);
        $(ComboBox.class).id("subscription-hour").setValue(6);
        ComboBox<String> cashier = $(ComboBox.class).id("subscription-cashier");
        assertThat(test(cashier).getSuggestions()).containsExactly("Sari (K-07)");
        cashier.setValue("K-07");
        test($(Button.class).id("subscription-add")).click();

        verify(subscriptions)
                .subscribe(new Request(
                        ReportKind.TAX, null, ReportFrequency.WEEKLY, ReportFormat.XLSX, LocalTime.of(6, 0), "K-07"));
        Grid<Subscription> grid = $(Grid.class).id("subscription-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Tax (PPN)");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Sari (K-07)");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Weekly at 06:00 (WIB · Jakarta)");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("Excel (XLSX)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCashierOutsideThePersonsStoresIsRefusedOnTheField() {
        when(stores.find(eq(""), any())).thenReturn(Page.empty());
        when(subscriptions.mine()).thenReturn(List.of());
        when(subscriptions.cashiers(null)).thenReturn(Map.of("K-07", "Sari (K-07)"));
        when(subscriptions.subscribe(any())).thenThrow(new ReportSubscriptions.UnknownCashierException());
        UI.getCurrent().add(new ReportSubscriptionsView(subscriptions, stores));
        ComboBox<String> cashier = $(ComboBox.class).id("subscription-cashier");
        cashier.setValue("K-07");
        test($(Button.class).id("subscription-add")).click();
        assertThat(cashier.isInvalid()).isTrue();
        assertThat(cashier.getErrorMessage()).startsWith("Choose one of the cashiers listed");
        assertThat($(Notification.class).all()).isEmpty();
    }

    @Test
    void anIncompleteRequestIsExplained() {
        when(stores.find(eq(""), any())).thenReturn(Page.empty());
        when(subscriptions.mine()).thenReturn(List.of());
        when(subscriptions.subscribe(any()))
                .thenThrow(new InvalidReportFilterException("report.subscription.incomplete"));
        UI.getCurrent().add(new ReportSubscriptionsView(subscriptions, stores));
        $(ComboBox.class).id("subscription-hour").setValue(null);
        test($(Button.class).id("subscription-add")).click();
        assertThat($(Notification.class).all())
                .singleElement()
                .satisfies(n -> assertThat(test(n).getText()).startsWith("Choose a report"));
    }
}
