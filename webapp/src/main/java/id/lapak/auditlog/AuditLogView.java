package id.lapak.auditlog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantFilter;
import id.lapak.tenant.TenantOverview;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditQuery;
import id.lapak.tenant.audit.AuditRecord;
import id.lapak.tenant.audit.ChainStatus;
import id.lapak.ui.Localized;
import id.lapak.ui.MainLayout;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The audit log: merchant admins see their tenant's entries, support staff every tenant's (with a tenant filter)
 * and the chain verification. Filters by person, action and dates; the filtered entries download as CSV.
 */
@Route(value = "audit-log", layout = MainLayout.class)
@PageTitle("Lapak · Audit log")
@RolesAllowed({"MERCHANT_ADMIN", "SUPPORT"})
class AuditLogView extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private final AuditLog audit;
    private final boolean support;
    private final Grid<AuditRecord> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = Localized.datePicker(new DatePicker());
    private final DatePicker to = Localized.datePicker(new DatePicker());
    private final ComboBox<TenantOverview> tenant = new ComboBox<>();
    /** The filters as last set, read by the CSV download (which runs outside the UI's request). */
    private final AtomicReference<AuditQuery> current = new AtomicReference<>(AuditQuery.all());

    AuditLogView(AuditLog audit, TenantAdministration tenants) {
        this.audit = audit;
        var user = CurrentUser.require();
        this.support = user.has(Role.SUPPORT) && !(user instanceof ReadOnlyViewer);
        setId("audit-log");
        setSizeFull();

        actor.setId("audit-actor");
        actor.setPlaceholder(getTranslation("audit.filter.actor"));
        action.setId("audit-action");
        action.setPlaceholder(getTranslation("audit.filter.action"));
        // Actions chosen by their words (typing filters the words); the log is searched by the recorded action.
        AuditWords actionWords = new AuditWords(this::getTranslation);
        action.setItems(AuditWords.knownActions().stream()
                .sorted(Comparator.comparing(actionWords::action))
                .toList());
        action.setItemLabelGenerator(actionWords::action);
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.addValueChangeListener(e -> refresh());
        from.setId("audit-from");
        from.setPlaceholder(getTranslation("audit.filter.from"));
        to.setId("audit-to");
        to.setPlaceholder(getTranslation("audit.filter.to"));
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setClearButtonVisible(true);
            picker.addValueChangeListener(e -> refresh());
        }

        Anchor csv = new Anchor(
                (DownloadEvent event) -> {
                    event.setFileName("lapak-audit-log.csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    try (var out = event.getOutputStream()) {
                        audit.exportCsv(current.get(), out);
                    }
                },
                getTranslation("audit.export"));
        csv.setId("audit-export");

        HorizontalLayout filters = new HorizontalLayout();
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.setWrap(true);
        if (support) {
            tenant.setId("audit-tenant");
            tenant.setPlaceholder(getTranslation("audit.filter.tenant"));
            tenant.setItemLabelGenerator(TenantOverview::name);
            tenant.setItems(query -> tenants
                    .search(
                            new TenantFilter(query.getFilter().orElse(""), null, null),
                            PageRequest.of(query.getPage(), query.getPageSize()))
                    .stream());
            tenant.setClearButtonVisible(true);
            tenant.addValueChangeListener(e -> refresh());
            filters.add(tenant);
        }
        filters.add(actor, action, from, to, csv);

        DateTimeFormatter time = PortalDates.dateTime(getLocale(), ZONE);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> time.format(r.occurredAt()))
                .setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true);
        if (support) {
            grid.addColumn(r -> r.tenantId() == null
                            ? getTranslation("audit.platform")
                            : r.tenantId().toString())
                    .setHeader(getTranslation("audit.column.tenant"));
        }
        AuditWords words = new AuditWords(this::getTranslation);
        grid.addColumn(words::actor)
                .setHeader(getTranslation("audit.column.actor"))
                .setAutoWidth(true);
        grid.addColumn(r -> words.action(r.action()))
                .setHeader(getTranslation("audit.column.action"))
                .setAutoWidth(true);
        grid.addColumn(words::subject)
                .setHeader(getTranslation("audit.column.entity"))
                .setAutoWidth(true);
        grid.addColumn(words::summary)
                .setHeader(getTranslation("audit.column.changes"))
                .setFlexGrow(3);
        grid.addColumn(r -> AuditWords.address(r.ip()))
                .setHeader(getTranslation("audit.column.ip"))
                .setAutoWidth(true);
        grid.addItemClickListener(
                e -> details(words, e.getItem(), time.format(e.getItem().occurredAt())));
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setItemsPageable(pageable -> audit.search(query(), pageable), pageable -> audit.count(query()));

        add(new H2(getTranslation("audit.title")), filters, grid);
        if (support) {
            add(chainPanel());
        }
    }

    private VerticalLayout chainPanel() {
        Grid<ChainStatus> chains = new Grid<>();
        chains.setId("audit-chains");
        chains.setAllRowsVisible(true);
        chains.addColumn(c -> c.tenantId() == null
                        ? getTranslation("audit.platform")
                        : c.tenantId().toString())
                .setHeader(getTranslation("audit.column.chain"));
        chains.addColumn(c -> getTranslation(c.intact() ? "audit.chain.intact" : "audit.chain.broken"))
                .setHeader(getTranslation("audit.column.intact"));
        chains.addColumn(ChainStatus::entries).setHeader(getTranslation("audit.column.entries"));
        chains.addColumn(c -> c.problems().stream()
                        .map(ChainStatus.ChainProblem::description)
                        .collect(Collectors.joining("; ")))
                .setHeader(getTranslation("audit.column.firstBad"));
        chains.setVisible(false);
        Button verify = new Button(getTranslation("audit.verify"), VaadinIcon.CHECK_CIRCLE.create(), e -> {
            chains.setItems(audit.verifyAll());
            chains.setVisible(true);
        });
        verify.setId("audit-verify");
        VerticalLayout panel = new VerticalLayout(new H3(getTranslation("audit.chains")), verify, chains);
        panel.setPadding(false);
        return panel;
    }

    private AuditQuery query() {
        return current.get();
    }

    private void refresh() {
        Instant start = from.getValue() == null
                ? null
                : from.getValue().atStartOfDay(ZONE).toInstant();
        LocalDate end = to.getValue();
        current.set(new AuditQuery(
                support && tenant.getValue() != null ? tenant.getValue().id() : null,
                actor.getValue(),
                action.getValue(),
                start,
                end == null ? null : end.plusDays(1).atStartOfDay(ZONE).toInstant()));
        grid.getDataProvider().refreshAll();
    }

    /** Every fact of one entry, identifiers included, as label/value pairs. */
    private void details(AuditWords words, AuditRecord entry, String when) {
        Dialog dialog = new Dialog();
        dialog.setId("audit-entry");
        dialog.setHeaderTitle(words.action(entry.action()));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (AuditWords.Line line : words.lines(entry, when)) {
            Span value = new Span(line.value());
            value.getStyle().set("overflow-wrap", "anywhere");
            form.addFormItem(value, line.label());
        }
        dialog.add(form);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("audit.detail.close"), e -> dialog.close()));
        dialog.open();
    }
}
