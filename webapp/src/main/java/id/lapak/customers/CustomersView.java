package id.lapak.customers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.customers.InvalidCustomerException;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import jakarta.annotation.security.RolesAllowed;

/** The tenant's customers, lazily, searched by name, phone or e-mail and filtered by tag. */
@Route("customers")
@PageTitle("Lapak · Customers")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER", "CASHIER"})
class CustomersView extends VerticalLayout {

    private final CustomerService customers;
    private final Grid<CustomerDetails> grid = new Grid<>();

    CustomersView(CustomerService customers) {
        this.customers = customers;
        setId("customers");
        setSizeFull();
        LapakUser user = CurrentUser.require();

        TextField search = new TextField();
        search.setId("customer-search");
        search.setPlaceholder(getTranslation("customers.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        TextField tag = new TextField();
        tag.setId("customer-tag-filter");
        tag.setPlaceholder(getTranslation("customers.tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        tag.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button create = new Button(getTranslation("customers.new"), VaadinIcon.PLUS.create(), e -> create());
        create.setId("new-customer");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(user.mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        HorizontalLayout toolbar = new HorizontalLayout(search, tag, create);
        toolbar.setWidthFull();
        toolbar.expand(search);

        grid.setId("customer-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CustomerDetails::name)
                .setHeader(getTranslation("customer.field.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(CustomerDetails::phone).setHeader(getTranslation("customer.field.phone"));
        grid.addColumn(CustomerDetails::email)
                .setHeader(getTranslation("customer.field.email"))
                .setSortProperty("email");
        grid.addColumn(c -> String.join(", ", c.tags())).setHeader(getTranslation("customer.field.tags"));
        grid.addColumn(c -> getTranslation(c.marketingConsent() ? "customers.consent.yes" : "customers.consent.no"))
                .setHeader(getTranslation("customer.field.marketingConsent"));
        grid.setEmptyStateText(getTranslation("customers.empty"));
        grid.setItemsPageable(pageable ->
                customers.find(search.getValue(), tag.getValue(), pageable).getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(CustomerView.class, e.getItem().id().toString())));

        add(new H2(getTranslation("customers.title")), toolbar, grid);
    }

    private void create() {
        Dialog dialog = new Dialog();
        dialog.setId("customer-dialog");
        dialog.setHeaderTitle(getTranslation("customers.new"));
        CustomerEditor editor = new CustomerEditor();
        editor.read(CustomerForm.empty());
        dialog.add(editor);
        Button save = new Button(
                getTranslation("customers.save"),
                e -> editor.write().ifPresent(form -> {
                    try {
                        CustomerDetails saved = customers.create(form);
                        dialog.close();
                        grid.getDataProvider().refreshAll();
                        Notification.show(
                                        getTranslation("customers.saved", saved.name()),
                                        4000,
                                        Notification.Position.BOTTOM_START)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (InvalidCustomerException ex) {
                        editor.show(ex.problems());
                    }
                }));
        save.setId("customer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("customers.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
