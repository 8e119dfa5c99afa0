package id.lapak.stores;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.InvalidStoreException;
import id.lapak.tenant.store.StaleStoreException;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.ZoneNames;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/** Lists the tenant's stores lazily, a page at a time; merchant admins create, edit and deactivate them. */
@Route("stores")
@PageTitle("Lapak · Stores")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class StoresView extends VerticalLayout {

    private final StoreService stores;
    private final boolean canEdit;
    private final Grid<StoreDetails> grid = new Grid<>();
    private final TextField search = new TextField();

    StoresView(StoreService stores) {
        this.stores = stores;
        this.canEdit = CurrentUser.require().mayChange(Role.MERCHANT_ADMIN);
        setId("stores");
        setSizeFull();

        search.setId("store-search");
        search.setPlaceholder(getTranslation("stores.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button create = new Button(getTranslation("stores.new"), VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-store");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(canEdit);

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setWidthFull();
        toolbar.expand(search);

        grid.setId("store-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StoreDetails::name)
                .setHeader(getTranslation("stores.column.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(StoreDetails::city)
                .setHeader(getTranslation("stores.column.city"))
                .setSortProperty("city");
        grid.addColumn(s -> ZoneNames.label(s.timeZone(), getLocale()))
                .setHeader(getTranslation("stores.column.timeZone"));
        grid.addColumn(s -> s.currency().getCurrencyCode()).setHeader(getTranslation("stores.column.currency"));
        grid.addColumn(s -> s.taxRegistered()
                        ? getTranslation(
                                "stores.tax.rate",
                                s.taxRate().stripTrailingZeros().toPlainString())
                        : getTranslation("stores.tax.none"))
                .setHeader(getTranslation("stores.column.tax"));
        grid.addComponentColumn(s -> {
                    Span badge =
                            new Span(getTranslation(s.active() ? "stores.status.active" : "stores.status.inactive"));
                    badge.addClassNames("lapak-status", s.active() ? "active" : "inactive");
                    return badge;
                })
                .setHeader(getTranslation("stores.column.status"))
                .setSortProperty("active");
        grid.setEmptyStateText(getTranslation("stores.empty"));
        grid.setItemsPageable(
                pageable -> stores.find(search.getValue(), pageable).getContent());
        grid.addItemClickListener(e -> open(e.getItem().id()));

        add(new H2(getTranslation("stores.title")), toolbar, grid);
    }

    private void open(UUID id) {
        StoreDetails existing;
        try {
            existing = id == null ? null : stores.get(id);
        } catch (StoreNotFoundException e) {
            error("stores.notFound");
            grid.getDataProvider().refreshAll();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("store-dialog");
        dialog.setHeaderTitle(
                getTranslation(existing == null ? "stores.new" : canEdit ? "stores.edit" : "stores.view"));
        StoreEditor editor = new StoreEditor();
        editor.read(existing == null ? StoreForm.indonesianDefaults() : existing.toForm());
        editor.setReadOnly(!canEdit);
        dialog.add(editor);

        Button close = new Button(getTranslation(canEdit ? "stores.cancel" : "stores.close"), e -> dialog.close());
        close.setId("store-cancel");
        dialog.getFooter().add(close);
        if (canEdit) {
            if (existing != null) {
                Button toggle = existing.active()
                        ? new Button(getTranslation("stores.deactivate"), e -> confirmDeactivate(existing, dialog))
                        : new Button(getTranslation("stores.reactivate"), e -> reactivate(existing, dialog));
                toggle.setId("store-toggle-active");
                toggle.addThemeVariants(existing.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
                dialog.getFooter().addComponentAsFirst(toggle);
            }
            Button save = new Button(getTranslation("stores.save"), e -> save(existing, editor, dialog));
            save.setId("store-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(save);
        }
        dialog.open();
    }

    private void save(StoreDetails existing, StoreEditor editor, Dialog dialog) {
        var form = editor.write();
        if (form.isEmpty()) {
            return;
        }
        try {
            StoreDetails saved = existing == null
                    ? stores.create(form.get())
                    : stores.update(existing.id(), existing.version(), form.get());
            dialog.close();
            grid.getDataProvider().refreshAll();
            success(getTranslation("stores.saved", saved.name()));
        } catch (InvalidStoreException e) {
            editor.show(e.problems());
        } catch (StaleStoreException e) {
            error("stores.stale");
        } catch (StoreNotFoundException e) {
            dialog.close();
            error("stores.notFound");
        }
    }

    private void confirmDeactivate(StoreDetails store, Dialog dialog) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("store-deactivate-confirm");
        confirm.setHeader(getTranslation("stores.deactivate"));
        confirm.setText(getTranslation("stores.deactivate.confirm", store.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("stores.cancel"));
        confirm.setConfirmText(getTranslation("stores.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            stores.deactivate(store.id());
            dialog.close();
            grid.getDataProvider().refreshAll();
            success(getTranslation("stores.deactivated", store.name()));
        });
        confirm.open();
    }

    private void reactivate(StoreDetails store, Dialog dialog) {
        stores.reactivate(store.id());
        dialog.close();
        grid.getDataProvider().refreshAll();
        success(getTranslation("stores.reactivated", store.name()));
    }

    private static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String key) {
        Notification.show(getTranslation(key), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
