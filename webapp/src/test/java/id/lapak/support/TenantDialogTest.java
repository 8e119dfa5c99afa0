package id.lapak.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.device.DeviceRegistry;
import id.lapak.reports.ReportRebuilds;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantLifecycleException;
import id.lapak.tenant.TenantOverview;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The support tenant list and a tenant's actions, without a browser; the services are stand-ins. */
@ViewPackages(packages = "id.lapak.support.none")
class TenantDialogTest extends BrowserlessTest {

    final TenantAdministration tenants = mock(TenantAdministration.class);
    final DeviceRegistry devices = mock(DeviceRegistry.class);
    final ViewAs viewAs = mock(ViewAs.class);
    final ReportRebuilds reports = mock(ReportRebuilds.class);
    final id.lapak.identity.TenantProvisioning provisioning = mock(id.lapak.identity.TenantProvisioning.class);
    final TenantOverview toko = new TenantOverview(
            UUID.randomUUID(),
            "Toko Maju",
            "PT Toko Maju",
            "ID",
            "ACTIVE",
            "Growth",
            2,
            1,
            Instant.parse("2026-01-05T03:00:00Z"),
            null,
            null,
            null);

    @BeforeEach
    void tenantList() {
        when(tenants.search(any(), any())).thenReturn(List.of(toko));
        when(tenants.count(any())).thenReturn(1L);
        when(devices.countByTenant(any())).thenReturn(Map.of(toko.id(), 3L));
        UI.getCurrent().add(new SupportTenantsView(tenants, devices, viewAs, provisioning, reports));
    }

    @Test
    void recomputingReportFiguresNeedsAReason() {
        test($(Grid.class).id("tenant-grid")).clickRow(0);
        test($(Button.class).id("tenant-rebuild-reports")).click();
        test($(Button.class).id("reason-confirm")).click();
        verify(reports, never()).rebuild(any(), anyString());
        assertThat($(TextArea.class).id("reason-field").isInvalid()).isTrue();

        test($(TextArea.class).id("reason-field")).setValue("Figures differ from the sales list");
        test($(Button.class).id("reason-confirm")).click();
        verify(reports).rebuild(toko.id(), "Figures differ from the sales list");
    }

    @Test
    void theListShowsCountsAndASuspensionNeedsAReason() {
        Grid<SupportTenantsView.Row> grid = $(Grid.class).id("tenant-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Toko Maju");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Growth");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("1 / 2");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("3");

        test(grid).clickRow(0);
        test($(Button.class).id("tenant-suspend")).click();
        test($(Button.class).id("reason-confirm")).click();
        verify(tenants, never()).suspend(any(), anyString());
        assertThat($(TextArea.class).id("reason-field").isInvalid()).isTrue();

        test($(TextArea.class).id("reason-field")).setValue("Unpaid invoices");
        test($(Button.class).id("reason-confirm")).click();
        verify(tenants).suspend(toko.id(), "Unpaid invoices");
    }

    @Test
    void deletionShowsWhyItWasRefused() {
        when(tenants.delete(eq(toko.id()), anyString()))
                .thenThrow(new TenantLifecycleException("support.tenants.error.confirmName"));
        test($(Grid.class).id("tenant-grid")).clickRow(0);
        test($(Button.class).id("tenant-delete")).click();
        test($(TextField.class).id("delete-name")).setValue("Toko Mundur");
        test($(Button.class).id("delete-confirm")).click();

        TextField typed = $(TextField.class).id("delete-name");
        assertThat(typed.isInvalid()).isTrue();
        assertThat(typed.getErrorMessage()).isEqualTo("The name does not match the tenant's name.");
    }

    @Test
    void startingAViewLandsSupportInTheTenantsDashboard() {
        test($(Grid.class).id("tenant-grid")).clickRow(0);
        test($(Button.class).id("tenant-view-as")).click();
        test($(TextArea.class).id("reason-field")).setValue("Ticket 4711: payouts look wrong");
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        test($(Button.class).id("reason-confirm")).click();

        verify(viewAs).start(toko.id(), "Ticket 4711: payouts look wrong");
        var navigations = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(js -> js.getInvocation().getExpression().contains("window.open"))
                .map(js -> js.getInvocation().getParameters().getFirst())
                .toList();
        // The dashboard is the root route; an empty location would leave support on the tenant list.
        assertThat(navigations).containsExactly("./");
    }
}
