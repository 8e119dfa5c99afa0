package id.lapak.support;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantSummary;

import jakarta.annotation.security.RolesAllowed;

@Route("support/tenants")
@PageTitle("Lapak · Support")
@RolesAllowed("SUPPORT")
class SupportTenantsView extends VerticalLayout {

    private final Grid<TenantSummary> grid = new Grid<>();
    private final List<TenantSummary> all;

    SupportTenantsView(TenantDirectory tenants, id.lapak.identity.TenantProvisioning provisioning) {
        setId("support-tenants");
        setSizeFull();
        all = tenants.listForSupport();
        TextField search = new TextField();
        search.setId("tenant-search");
        search.setPlaceholder(getTranslation("support.tenants.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter(e.getValue()));

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Asia/Jakarta"));
        grid.setId("tenant-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> s.tenant().name()).setHeader(getTranslation("support.tenants.column.name")).setSortable(true);
        grid.addColumn(s -> s.tenant().legalName()).setHeader(getTranslation("support.tenants.column.legalName"));
        grid.addColumn(s -> s.tenant().country()).setHeader(getTranslation("support.tenants.column.country"));
        grid.addColumn(s -> getTranslation("tenant.status." + s.tenant().status()))
                .setHeader(getTranslation("support.tenants.column.status"));
        grid.addColumn(s -> s.activeStoreCount() + " / " + s.storeCount())
                .setHeader(getTranslation("support.tenants.column.stores"));
        grid.addColumn(s -> date.format(s.tenant().createdAt()))
                .setHeader(getTranslation("support.tenants.column.created"));
        grid.setItems(all);
        add(new H2(getTranslation("support.tenants.title")), search, grid);
        // Onboarding: create a tenant, and the tenants whose Keycloak provisioning waits for a retry.
        com.vaadin.flow.component.button.Button create = new com.vaadin.flow.component.button.Button(
                getTranslation("onboarding.open"), e -> new CreateTenantDialog(provisioning,
                () -> getUI().ifPresent(ui -> ui.refreshCurrentRoute(false))).open());
        create.setId("create-tenant");
        create.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        addComponentAtIndex(1, create);
        addComponentAtIndex(2, new ProvisioningPanel(provisioning,
                () -> getUI().ifPresent(ui -> ui.refreshCurrentRoute(false))));
    }

    private void filter(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        grid.setItems(all.stream().filter(s -> needle.isEmpty()
                || s.tenant().name().toLowerCase(Locale.ROOT).contains(needle)
                || s.tenant().legalName().toLowerCase(Locale.ROOT).contains(needle)).toList());
    }
}
