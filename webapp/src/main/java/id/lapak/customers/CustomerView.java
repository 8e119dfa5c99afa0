package id.lapak.customers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerFigures;
import id.lapak.catalog.customers.CustomerNotFoundException;
import id.lapak.catalog.customers.CustomerPurchase;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.customers.InvalidCustomerException;
import id.lapak.catalog.customers.StaleCustomerException;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/**
 * One customer: details, figures computed from their purchases, the purchase history, and (for merchant admins)
 * merge, personal data export and erasure.
 */
@Route("customers/customer")
@PageTitle("Lapak · Customer")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER", "CASHIER"})
class CustomerView extends VerticalLayout implements HasUrlParameter<String> {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final CustomerService customers;
    private final LapakUser user;
    private UUID id;
    private Anchor download;

    CustomerView(CustomerService customers) {
        this.customers = customers;
        this.user = CurrentUser.require();
        setId("customer");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            id = UUID.fromString(parameter);
            render(customers.get(id));
        } catch (IllegalArgumentException | CustomerNotFoundException e) {
            removeAll();
            add(
                    backToList(),
                    new H2(getTranslation("customer.notFound")),
                    new Paragraph(getTranslation("customer.notFound.text")));
        }
    }

    /** Contact, tags, notes and marketing consent with when it was given. */
    private Div facts(CustomerDetails c) {
        Div facts = new Div();
        facts.setId("customer-facts");
        facts.add(new Paragraph(getTranslation("customer.field.phone") + ": " + blank(c.phone())));
        facts.add(new Paragraph(getTranslation("customer.field.email") + ": " + blank(c.email())));
        facts.add(new Paragraph(getTranslation("customer.field.tags") + ": " + String.join(", ", c.tags())));
        facts.add(new Paragraph(getTranslation("customer.field.notes") + ": " + blank(c.notes())));
        facts.add(new Paragraph(
                c.marketingConsent()
                        ? getTranslation("customer.consent.given", time(c.marketingConsentAt()))
                        : getTranslation("customer.consent.none")));
        return facts;
    }

    /** What the customer spent, per currency: total, visits, last visit, average basket. */
    private Grid<CustomerFigures> figures(CustomerDetails c) {
        Grid<CustomerFigures> figures = new Grid<>();
        figures.setId("customer-figures");
        figures.addColumn(f -> Money.of(f.totalSpentMinor(), f.currency()).format(getLocale()))
                .setHeader(getTranslation("customer.totalSpent"));
        figures.addColumn(CustomerFigures::visits).setHeader(getTranslation("customer.visits"));
        figures.addColumn(f -> time(f.lastVisit())).setHeader(getTranslation("customer.lastVisit"));
        figures.addColumn(f -> Money.of(f.averageBasketMinor(), f.currency()).format(getLocale()))
                .setHeader(getTranslation("customer.averageBasket"));
        figures.setItems(customers.figures(c.id()));
        figures.setAllRowsVisible(true);
        figures.setEmptyStateText(getTranslation("customer.figures.empty"));
        return figures;
    }

    /** The way back to the customer list, above the page's heading. */
    private Anchor backToList() {
        Anchor back = new Anchor("customers", getTranslation("customer.back"));
        back.setId("customer-back");
        return back;
    }

    private void render(CustomerDetails c) {
        removeAll();
        boolean admin = user.mayChange(Role.MERCHANT_ADMIN);
        boolean editor = user.mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER);
        add(backToList(), new H2(c.erased() ? getTranslation("customer.erased") : c.name()));
        if (!c.erased()) {
            add(facts(c));
        }

        HorizontalLayout actions = new HorizontalLayout();
        if (editor && !c.erased()) {
            Button edit = new Button(getTranslation("customer.edit"), e -> edit(c));
            edit.setId("customer-edit");
            actions.add(edit);
        }
        if (admin && !c.erased()) {
            Button merge = new Button(getTranslation("customer.merge"), e -> merge(c));
            merge.setId("customer-merge");
            Button export = new Button(getTranslation("customer.export"), e -> export(actions));
            export.setId("customer-export");
            Button erase = new Button(getTranslation("customer.erase"), e -> erase(c));
            erase.setId("customer-erase");
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(merge, export, erase);
        }
        add(actions);

        add(new H3(getTranslation("customer.figures")), figures(c));

        add(new H3(getTranslation("customer.history")));
        Grid<CustomerPurchase> history = new Grid<>();
        history.setId("customer-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.addColumn(p -> time(p.occurredAt())).setHeader(getTranslation("customer.history.time"));
        history.addColumn(
                        p -> getTranslation("customer.history.kind." + p.kind().name()))
                .setHeader(getTranslation("customer.history.kind"));
        history.addColumn(p -> Money.of(p.amountMinor(), p.currency()).format(getLocale()))
                .setHeader(getTranslation("customer.history.amount"));
        history.addColumn(CustomerPurchase::itemCount).setHeader(getTranslation("customer.history.items"));
        history.setEmptyStateText(getTranslation("customer.history.empty"));
        history.setItemsPageable(
                pageable -> customers.purchases(c.id(), pageable).getContent());
        add(history);
    }

    private void edit(CustomerDetails c) {
        Dialog dialog = new Dialog();
        dialog.setId("customer-dialog");
        dialog.setHeaderTitle(getTranslation("customer.edit"));
        CustomerEditor editor = new CustomerEditor();
        editor.read(c.toForm());
        dialog.add(editor);
        Button save = new Button(
                getTranslation("customers.save"),
                e -> editor.write().ifPresent(form -> {
                    try {
                        CustomerDetails saved = customers.update(c.id(), c.version(), form);
                        dialog.close();
                        render(saved);
                        success(getTranslation("customers.saved", saved.name()));
                    } catch (InvalidCustomerException ex) {
                        editor.show(ex.problems());
                    } catch (StaleCustomerException | CustomerNotFoundException ex) {
                        error("customer.stale");
                    }
                }));
        save.setId("customer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("customers.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void merge(CustomerDetails survivor) {
        Dialog dialog = new Dialog();
        dialog.setId("customer-merge-dialog");
        dialog.setHeaderTitle(getTranslation("customer.merge"));
        ComboBox<CustomerDetails> duplicate = new ComboBox<>(getTranslation("customer.merge.duplicate"));
        duplicate.setId("customer-merge-duplicate");
        duplicate.setItems(query ->
                customers
                        .find(query.getFilter().orElse(""), null, PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream()
                        .filter(d -> !d.id().equals(survivor.id())));
        duplicate.setItemLabelGenerator(d ->
                d.name() + (d.phone() == null ? "" : " · " + d.phone()) + (d.email() == null ? "" : " · " + d.email()));
        duplicate.setWidth("28em");
        Paragraph help = new Paragraph(getTranslation("customer.merge.help", survivor.name()));
        dialog.add(new VerticalLayout(help, duplicate));
        Button confirm = new Button(getTranslation("customer.merge.confirm"), e -> {
            if (duplicate.getValue() == null) {
                duplicate.setInvalid(true);
                duplicate.setErrorMessage(getTranslation("customer.merge.choose"));
                return;
            }
            try {
                CustomerDetails merged =
                        customers.merge(survivor.id(), duplicate.getValue().id());
                dialog.close();
                render(merged);
                success(getTranslation("customer.merged"));
            } catch (CustomerNotFoundException | InvalidCustomerException ex) {
                error("customer.stale");
            }
        });
        confirm.setId("customer-merge-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("customers.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** Builds the export (audited) when asked, then offers it as a file. */
    private void export(HorizontalLayout actions) {
        byte[] json = customers.exportJson(id).getBytes(StandardCharsets.UTF_8);
        if (download != null) {
            download.removeFromParent();
        }
        download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(json), "customer-" + id + ".json", "application/json", json.length)),
                getTranslation("customer.export.download"));
        download.setId("customer-export-download");
        download.getElement().setAttribute("download", true);
        actions.add(download);
    }

    private void erase(CustomerDetails c) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("customer-erase-confirm");
        confirm.setHeader(getTranslation("customer.erase"));
        TextField reason = new TextField(getTranslation("customer.erase.reason"));
        reason.setId("customer-erase-reason");
        reason.setWidthFull();
        confirm.add(new Paragraph(getTranslation("customer.erase.confirm", c.name())), reason);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("customers.cancel"));
        confirm.setConfirmText(getTranslation("customer.erase"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCloseOnEsc(true);
        confirm.addConfirmListener(e -> {
            try {
                render(customers.erase(c.id(), reason.getValue()));
                success(getTranslation("customer.erased.done"));
            } catch (InvalidCustomerException ex) {
                error("customer.error.reason.required");
            } catch (CustomerNotFoundException ex) {
                error("customer.stale");
            }
        });
        confirm.open();
    }

    private String time(Instant instant) {
        return instant == null ? "" : PortalDates.dateTime(getLocale(), JAKARTA).format(instant);
    }

    private static String blank(String value) {
        return value == null ? "—" : value;
    }

    private void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String key) {
        Notification.show(getTranslation(key), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
