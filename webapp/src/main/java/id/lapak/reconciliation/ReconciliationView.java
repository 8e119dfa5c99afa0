package id.lapak.reconciliation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import id.lapak.billing.reconciliation.ExceptionItem;
import id.lapak.billing.reconciliation.FileFormat;
import id.lapak.billing.reconciliation.ImportResult;
import id.lapak.billing.reconciliation.ImportSummary;
import id.lapak.billing.reconciliation.Reconciliation;
import id.lapak.billing.reconciliation.ReconciliationFileException;
import id.lapak.billing.sale.reversal.Chargebacks;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantFilter;
import id.lapak.tenant.TenantOverview;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.ui.Localized;
import id.lapak.ui.MainLayout;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/**
 * Reconciliation with the acquirer: merchant admins upload its settlement files and resolve the exceptions, store
 * managers read the exceptions of their stores, support picks a tenant and does both (and can make the sandbox
 * acquirer raise a chargeback). Cashiers have no access.
 */
@Route(value = "reconciliation", layout = MainLayout.class)
@PageTitle("Lapak · Reconciliation")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER", "SUPPORT"})
class ReconciliationView extends VerticalLayout {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private final Reconciliation reconciliation;
    private final Chargebacks chargebacks;
    private final boolean support;
    private final boolean acts;
    private final Grid<ImportSummary> imports = new Grid<>();
    private final Grid<ExceptionItem> exceptions = new Grid<>();
    private final Checkbox openOnly = new Checkbox();
    private final RadioButtonGroup<FileFormat> format = new RadioButtonGroup<>();
    private final VerticalLayout content = new VerticalLayout();
    private final Span uploadResult = new Span();
    private UUID tenant;

    ReconciliationView(Reconciliation reconciliation, Chargebacks chargebacks, TenantAdministration tenants) {
        this.reconciliation = reconciliation;
        this.chargebacks = chargebacks;
        LapakUser user = CurrentUser.require();
        boolean readOnly = user instanceof ReadOnlyViewer;
        this.support = user.has(Role.SUPPORT) && !readOnly;
        this.acts = !readOnly && (support || user.has(Role.MERCHANT_ADMIN));
        setId("reconciliation");
        setSizeFull();
        H2 title = new H2(getTranslation("reconciliation.title"));
        add(title, new Paragraph(getTranslation("reconciliation.intro")));
        content.setPadding(false);
        content.setSizeFull();
        if (support) {
            ComboBox<TenantOverview> tenantBox = new ComboBox<>();
            tenantBox.setId("reconciliation-tenant");
            tenantBox.setPlaceholder(getTranslation("reconciliation.tenant"));
            tenantBox.setItemLabelGenerator(TenantOverview::name);
            tenantBox.setItems(query -> tenants
                    .search(
                            new TenantFilter(query.getFilter().orElse(""), null, null),
                            PageRequest.of(query.getPage(), query.getPageSize()))
                    .stream());
            tenantBox.setWidth("min(30em, 100%)");
            tenantBox.addValueChangeListener(e -> {
                tenant = e.getValue() == null ? null : e.getValue().id();
                build(user);
            });
            add(tenantBox);
        }
        add(content);
        build(user);
    }

    private void build(LapakUser user) {
        content.removeAll();
        if (support && tenant == null) {
            Paragraph choose = new Paragraph(getTranslation("reconciliation.chooseTenant"));
            choose.setId("reconciliation-choose-tenant");
            content.add(choose);
            return;
        }
        if (acts) {
            content.add(uploadArea());
        }
        if (acts || user.has(Role.MERCHANT_ADMIN)) {
            content.add(new H3(getTranslation("reconciliation.imports")), importsGrid());
        }
        content.add(new H3(getTranslation("reconciliation.exceptions")), exceptionsArea());
        if (support) {
            Button chargeback = new Button(
                    getTranslation("reconciliation.chargeback.open"),
                    e -> new ChargebackDialog(chargebacks, tenant, this::refresh).open());
            chargeback.setId("reconciliation-chargeback");
            content.add(chargeback);
        }
        refresh();
    }

    private Component uploadArea() {
        format.setId("reconciliation-format");
        format.setItems(FileFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("reconciliation.format." + f.name()));
        format.setValue(FileFormat.SANDBOX);
        Upload upload =
                new Upload(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
                    try (var in = Files.newInputStream(file.toPath())) {
                        imported(reconciliation.importFile(tenant, metadata.fileName(), format.getValue(), in));
                    } catch (ReconciliationFileException e) {
                        refused(e);
                    } catch (IOException e) {
                        refused(new ReconciliationFileException("unreadable", 0, null));
                    } finally {
                        file.delete();
                    }
                }))));
        Localized.upload(upload);
        upload.setId("reconciliation-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, reconciliation.maxFileBytes()));
        upload.setAcceptedFileTypes("text/csv", ".csv");
        uploadResult.setId("reconciliation-upload-result");
        VerticalLayout area = new VerticalLayout(
                new Paragraph(
                        getTranslation("reconciliation.upload.help", reconciliation.maxFileBytes() / (1024 * 1024))),
                format,
                upload,
                uploadResult);
        area.setPadding(false);
        return area;
    }

    void imported(ImportResult result) {
        uploadResult.setText(
                result.alreadyImported()
                        ? getTranslation("reconciliation.upload.again")
                        : getTranslation(
                                "reconciliation.upload.done", result.lines(), result.matched(), result.exceptions()));
        uploadResult.getElement().getThemeList().clear();
        uploadResult.getElement().getThemeList().add("badge success");
        Notification.show(uploadResult.getText(), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    void refused(ReconciliationFileException e) {
        String why = getTranslation(e.messageKey(), e.detail());
        uploadResult.setText(
                e.line() > 0
                        ? getTranslation("reconciliation.upload.refusedAt", e.line(), why)
                        : getTranslation("reconciliation.upload.refused", why));
        uploadResult.getElement().getThemeList().clear();
        uploadResult.getElement().getThemeList().add("badge error");
    }

    private Component importsGrid() {
        imports.setId("reconciliation-imports");
        imports.addThemeVariants(GridVariant.LUMO_COMPACT);
        imports.setAllRowsVisible(true);
        imports.addColumn(ImportSummary::fileName)
                .setHeader(getTranslation("reconciliation.column.file"))
                .setAutoWidth(true);
        imports.addColumn(i ->
                        getTranslation("reconciliation.format." + i.format().name()))
                .setHeader(getTranslation("reconciliation.column.format"));
        imports.addColumn(i -> time(i.importedAt())).setHeader(getTranslation("reconciliation.column.importedAt"));
        imports.addColumn(ImportSummary::importedBy).setHeader(getTranslation("reconciliation.column.by"));
        imports.addColumn(ImportSummary::lines).setHeader(getTranslation("reconciliation.column.lines"));
        imports.addColumn(ImportSummary::matched).setHeader(getTranslation("reconciliation.column.matched"));
        imports.addColumn(ImportSummary::exceptions).setHeader(getTranslation("reconciliation.column.exceptionCount"));
        imports.setEmptyStateText(getTranslation("reconciliation.imports.empty"));
        return imports;
    }

    private Component exceptionsArea() {
        openOnly.setId("reconciliation-open-only");
        openOnly.setLabel(getTranslation("reconciliation.openOnly"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        exceptions.setId("reconciliation-exceptions");
        exceptions.addThemeVariants(GridVariant.LUMO_COMPACT);
        exceptions.setMinHeight("20em");
        exceptions
                .addColumn(e -> getTranslation("reconciliation.kind." + e.kind().name()))
                .setHeader(getTranslation("reconciliation.column.kind"))
                .setAutoWidth(true);
        exceptions
                .addColumn(ExceptionItem::reference)
                .setHeader(getTranslation("reconciliation.column.reference"))
                .setAutoWidth(true);
        exceptions.addColumn(e -> money(e.expected())).setHeader(getTranslation("reconciliation.column.expected"));
        exceptions.addColumn(e -> money(e.actual())).setHeader(getTranslation("reconciliation.column.actual"));
        exceptions
                .addColumn(e -> getTranslation("reconciliation.age", e.ageDays()))
                .setHeader(getTranslation("reconciliation.column.age"));
        exceptions
                .addColumn(e -> e.open()
                        ? getTranslation("reconciliation.status.open")
                        : getTranslation("reconciliation.resolution."
                                        + e.resolution().name())
                                + (e.reason() == null ? "" : ": " + e.reason()))
                .setHeader(getTranslation("reconciliation.column.status"))
                .setAutoWidth(true);
        if (acts) {
            exceptions
                    .addComponentColumn(this::actions)
                    .setHeader(getTranslation("reconciliation.column.actions"))
                    .setAutoWidth(true);
        }
        exceptions.setEmptyStateText(getTranslation("reconciliation.exceptions.empty"));
        VerticalLayout area = new VerticalLayout(openOnly, exceptions);
        area.setPadding(false);
        area.setSizeFull();
        return area;
    }

    private Component actions(ExceptionItem item) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (item.canMarkReceived()) {
            buttons.add(action(item, ExceptionAction.RECEIVE));
        }
        if (item.canLink()) {
            buttons.add(action(item, ExceptionAction.LINK));
        }
        if (item.canWriteOff()) {
            buttons.add(action(item, ExceptionAction.WRITE_OFF));
        }
        return buttons;
    }

    private Button action(ExceptionItem item, ExceptionAction kind) {
        Button button = new Button(
                getTranslation(kind.labelKey()),
                e -> new ExceptionActionDialog(reconciliation, tenant, item, kind, this::refresh).open());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId("reconciliation-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + item.id());
        return button;
    }

    void refresh() {
        if (support && tenant == null) {
            return;
        }
        if (acts || CurrentUser.require().has(Role.MERCHANT_ADMIN)) {
            imports.setItems(reconciliation.imports(tenant, 50));
        }
        exceptions.setItemsPageable(pageable ->
                reconciliation.exceptions(tenant, openOnly.getValue(), pageable).getContent());
    }

    private String money(Money amount) {
        return amount == null ? "" : amount.format(getLocale());
    }

    private String time(Instant at) {
        return PortalDates.dateTime(getLocale(), ZONE).format(at);
    }
}
