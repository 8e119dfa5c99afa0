package id.lapak.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.device.DeviceRegistry;
import id.lapak.identity.TenantProvisioning;
import id.lapak.reports.ReportRebuilds;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantFilter;
import id.lapak.tenant.TenantOverview;
import id.lapak.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Support's tenant list: lazy and paged, searchable by name, filtered by status and plan, with store and device
 * counts. A row opens the tenant's actions (suspend, reactivate, view as tenant, export, delete). The toolbar keeps
 * room for further support actions (creating a tenant).
 */
@Route(value = "support/tenants", layout = MainLayout.class)
@PageTitle("Lapak · Support")
@RolesAllowed("SUPPORT")
class SupportTenantsView extends VerticalLayout {

    /** A tenant row with its device count (from the device registry). */
    record Row(TenantOverview tenant, long devices) {}

    static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "PROVISIONING", "PROVISIONING_FAILED");

    private final TenantAdministration tenants;
    private final Grid<Row> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> status = new ComboBox<>();
    private final TextField plan = new TextField();
    /** Where other support actions (e.g. "Create tenant") add their buttons. */
    final HorizontalLayout toolbar;

    SupportTenantsView(
            TenantAdministration tenants,
            DeviceRegistry devices,
            ViewAs viewAs,
            TenantProvisioning provisioning,
            ReportRebuilds reports) {
        this.tenants = tenants;
        setId("support-tenants");
        setSizeFull();

        search.setId("tenant-search");
        search.setPlaceholder(getTranslation("support.tenants.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        status.setId("tenant-status-filter");
        status.setPlaceholder(getTranslation("support.tenants.filter.status"));
        status.setItems(STATUSES);
        status.setItemLabelGenerator(this::statusLabel);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());

        plan.setId("tenant-plan-filter");
        plan.setPlaceholder(getTranslation("support.tenants.filter.plan"));
        plan.setClearButtonVisible(true);
        plan.setValueChangeMode(ValueChangeMode.LAZY);
        plan.addValueChangeListener(e -> refresh());

        toolbar = new HorizontalLayout(search, status, plan);
        toolbar.setId("support-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(search);

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.of("Asia/Jakarta"));
        grid.setId("tenant-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.tenant().name())
                .setHeader(getTranslation("support.tenants.column.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(r -> r.tenant().legalName()).setHeader(getTranslation("support.tenants.column.legalName"));
        grid.addComponentColumn(r -> {
                    Span badge = new Span(statusLabel(r.tenant().status()));
                    badge.addClassNames("lapak-status", r.tenant().active() ? "active" : "inactive");
                    return badge;
                })
                .setHeader(getTranslation("support.tenants.column.status"))
                .setSortProperty("status");
        grid.addColumn(r -> r.tenant().plan() == null ? "—" : r.tenant().plan())
                .setHeader(getTranslation("support.tenants.column.plan"))
                .setSortProperty("plan");
        grid.addColumn(r -> r.tenant().activeStoreCount() + " / " + r.tenant().storeCount())
                .setHeader(getTranslation("support.tenants.column.stores"));
        grid.addColumn(Row::devices).setHeader(getTranslation("support.tenants.column.devices"));
        grid.addColumn(r -> date.format(r.tenant().createdAt()))
                .setHeader(getTranslation("support.tenants.column.created"))
                .setSortProperty("createdAt");
        grid.setEmptyStateText(getTranslation("support.tenants.empty"));
        grid.setItemsPageable(
                pageable -> {
                    List<TenantOverview> page = tenants.search(filter(), pageable);
                    Map<UUID, Long> counts = devices.countByTenant(
                            page.stream().map(TenantOverview::id).toList());
                    return page.stream()
                            .map(t -> new Row(t, counts.getOrDefault(t.id(), 0L)))
                            .toList();
                },
                pageable -> tenants.count(filter()));
        grid.addItemClickListener(
                e -> new TenantDialog(tenants, reports, viewAs, e.getItem().tenant(), this::refresh).open());

        // Onboarding: create a tenant, and the tenants whose Keycloak provisioning waits for a retry.
        Button create = new Button(
                getTranslation("onboarding.open"), e -> new CreateTenantDialog(provisioning, this::refresh).open());
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        toolbar.add(create);
        add(
                new H2(getTranslation("support.tenants.title")),
                toolbar,
                new ProvisioningPanel(provisioning, () -> getUI().ifPresent(ui -> ui.refreshCurrentRoute(false))),
                grid);
    }

    TenantFilter filter() {
        return new TenantFilter(search.getValue(), status.getValue(), plan.getValue());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String statusLabel(String value) {
        return STATUSES.contains(value) ? getTranslation("tenant.status." + value) : value;
    }
}
