package id.lapak.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.sale.Cashiers;
import id.lapak.billing.sale.PaymentEvent;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleLineDetails;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceNotFoundException;
import id.lapak.device.DeviceService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One sale: what was sold, how it was paid, every call to the acquirer with its reference (the payment timeline),
 * and the refund, receipt and e-mail actions. The service decides who may see and refund it.
 */
@Route("sales/:saleId")
@PageTitle("Lapak · Sale")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class SaleView extends VerticalLayout implements BeforeEnterObserver {

    static final String SALE_ID = "saleId";

    private final SalesService sales;
    private final StoreService stores;
    private final DeviceService devices;
    private final ReceiptMailer mailer;
    private final ZoneId zone;
    private UUID saleId;

    SaleView(
            SalesService sales,
            StoreService stores,
            DeviceService devices,
            ReceiptMailer mailer,
            TenantDirectory tenants) {
        this.sales = sales;
        this.stores = stores;
        this.devices = devices;
        this.mailer = mailer;
        this.zone = tenants.current().timeZone();
        setId("sale");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            saleId = UUID.fromString(event.getRouteParameters().get(SALE_ID).orElse(""));
            show(sales.get(saleId));
        } catch (IllegalArgumentException | SaleNotFoundException e) {
            removeAll();
            add(new H2(getTranslation("sales.notFound.title")), new Span(getTranslation("sales.notFound.text")));
        }
    }

    void show(SaleDetails details) {
        removeAll();
        SaleSummary s = details.sale();
        DateTimeFormatter time = PortalDates.dateTime(getLocale(), zone);

        Span status = new Span(getTranslation("sales.status." + s.status().name()));
        status.setId("sale-status");
        status.getElement().getThemeList().add("badge");
        H2 title = new H2(getTranslation(
                "sales.sale.title", Money.of(s.amountMinor(), s.currency()).format(getLocale())));
        title.setId("sale-title");
        HorizontalLayout heading = new HorizontalLayout(title, status);
        heading.setAlignItems(Alignment.BASELINE);

        FormLayout facts = facts(details, time);
        Details technical = technical(details, time);
        Grid<SaleLineDetails> lines = lines(details);
        Grid<PaymentEvent> timeline = timeline(details, time);
        HorizontalLayout actions = actions(details);
        add(
                heading,
                actions,
                facts,
                technical,
                new H3(getTranslation("sales.lines.title")),
                lines,
                new H3(getTranslation("sales.timeline.title")),
                timeline);
    }

    /** What was sold and how it was paid, in the page's words. */
    private FormLayout facts(SaleDetails details, DateTimeFormatter time) {
        SaleSummary s = details.sale();
        FormLayout facts = new FormLayout();
        facts.setId("sale-facts");
        fact(facts, "sales.column.soldAt", time.format(s.soldAt()));
        fact(facts, "sales.column.store", storeName(s.storeId()));
        fact(facts, "sales.column.device", deviceName(s.deviceId()));
        String cashier = Cashiers.label(details.cashierCode(), details.cashierName());
        fact(facts, "sales.sale.cashier", cashier == null ? getTranslation("sales.sale.noCashier") : cashier);
        fact(
                facts,
                "sales.sale.authorized",
                Money.of(s.authorizedMinor(), s.currency()).format(getLocale()));
        fact(
                facts,
                "sales.sale.captured",
                Money.of(s.capturedMinor(), s.currency()).format(getLocale()));
        fact(
                facts,
                "sales.sale.refunded",
                Money.of(s.refundedMinor(), s.currency()).format(getLocale()));
        fact(facts, "sales.sale.tax", Money.of(details.taxMinor(), s.currency()).format(getLocale()));
        fact(facts, "sales.sale.tip", Money.of(s.tipMinor(), s.currency()).format(getLocale()));
        if (details.discountMinor() > 0) {
            fact(
                    facts,
                    "sales.sale.discount",
                    Money.of(details.discountMinor(), s.currency()).format(getLocale()));
        }
        fact(
                facts,
                "sales.column.card",
                (s.brand() == null
                                ? ""
                                : getTranslation("sales.brand." + s.brand().name())) + " "
                        + (s.maskedPan() == null ? "" : s.maskedPan()));
        if (s.entryMode() != null) {
            fact(
                    facts,
                    "sales.sale.entryMode",
                    getTranslation("sales.entryMode." + s.entryMode().name()));
        }
        if (s.declineReason() != null) {
            fact(facts, "sales.sale.declineReason", declineReason(s.declineReason()));
        }
        fact(
                facts,
                "sales.filter.offline",
                s.offline() ? getTranslation("sales.offline.yes") : getTranslation("sales.offline.no"));

        return facts;
    }

    /** What the card network and the acquirer answered, step by step: for a dispute or a call to the bank. */
    private Details technical(SaleDetails details, DateTimeFormatter time) {
        SaleSummary s = details.sale();
        FormLayout network = new FormLayout();
        network.setId("sale-network-facts");
        if (details.expiryMonth() != null && details.expiryYear() != null) {
            fact(
                    network,
                    "sales.sale.expiry",
                    String.format("%02d/%02d", details.expiryMonth(), details.expiryYear() % 100));
        }
        fact(network, "sales.sale.authCode", s.authorizationCode());
        fact(network, "sales.sale.responseCode", s.responseCode());
        fact(network, "sales.sale.gatewayReference", details.gatewayReference());
        Details technical = new Details(getTranslation("sales.sale.technical"), network);
        technical.setId("sale-technical");
        technical.setOpened(false);

        // Each step's network answer code and acquirer reference: for a call to the bank, with the other
        // technical details rather than in the timeline a merchant reads.
        Grid<PaymentEvent> references = new Grid<>();
        references.setId("sale-timeline-references");
        references.addThemeVariants(GridVariant.LUMO_COMPACT);
        references.setAllRowsVisible(true);
        references
                .addColumn(e -> time.format(e.at()))
                .setHeader(getTranslation("sales.timeline.at"))
                .setAutoWidth(true);
        references
                .addColumn(e -> getTranslation("sales.operation." + e.kind().name()))
                .setHeader(getTranslation("sales.timeline.kind"));
        references
                .addColumn(e -> e.responseCode() == null ? "" : e.responseCode())
                .setHeader(getTranslation("sales.timeline.responseCode"));
        references
                .addColumn(e -> e.gatewayReference() == null ? "" : e.gatewayReference())
                .setHeader(getTranslation("sales.timeline.reference"))
                .setFlexGrow(3);
        references.setItems(details.timeline());

        network.add(references);
        network.setColspan(references, 2);
        return technical;
    }

    private Grid<SaleLineDetails> lines(SaleDetails details) {
        SaleSummary s = details.sale();
        Grid<SaleLineDetails> lines = new Grid<>();
        lines.setId("sale-lines");
        // A long item name wraps on a narrow page rather than being cut.
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> l.description() == null ? "" : l.description())
                .setHeader(getTranslation("sales.lines.description"))
                .setFlexGrow(3);
        lines.addColumn(SaleLineDetails::quantity)
                .setHeader(getTranslation("sales.lines.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        lines.addColumn(l -> Money.of(l.unitPriceMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("sales.lines.unitPrice"))
                .setTextAlign(ColumnTextAlign.END);
        lines.addColumn(l -> Money.of(l.taxMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("sales.lines.tax"))
                .setTextAlign(ColumnTextAlign.END);
        if (details.discountMinor() > 0) {
            lines.addColumn(l -> l.discountMinor() == null || l.discountMinor() == 0
                            ? ""
                            : Money.of(-l.discountMinor(), s.currency()).format(getLocale()))
                    .setHeader(getTranslation("sales.lines.discount"))
                    .setTextAlign(ColumnTextAlign.END);
        }
        lines.addColumn(l -> Money.of(l.totalMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("sales.lines.total"))
                .setTextAlign(ColumnTextAlign.END);
        lines.addColumn(SaleLineDetails::returnedQuantity)
                .setHeader(getTranslation("sales.lines.returned"))
                .setTextAlign(ColumnTextAlign.END);
        lines.setItems(details.lines());
        lines.setEmptyStateText(getTranslation("sales.lines.empty"));

        return lines;
    }

    /** Every step of the payment in plain columns: when, what, its result, the amount, why and by whom. */
    private Grid<PaymentEvent> timeline(SaleDetails details, DateTimeFormatter time) {
        SaleSummary s = details.sale();
        Grid<PaymentEvent> timeline = new Grid<>();
        timeline.setId("sale-timeline");
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        timeline.setAllRowsVisible(true);
        timeline.addColumn(e -> time.format(e.at()))
                .setHeader(getTranslation("sales.timeline.at"))
                .setAutoWidth(true);
        timeline.addColumn(e -> getTranslation("sales.operation." + e.kind().name()))
                .setHeader(getTranslation("sales.timeline.kind"));
        timeline.addColumn(e ->
                        getTranslation("sales.operationStatus." + e.status().name()))
                .setHeader(getTranslation("sales.timeline.status"));
        timeline.addColumn(e -> Money.of(e.amountMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("sales.timeline.amount"))
                .setTextAlign(ColumnTextAlign.END);
        timeline.addColumn(e -> e.reason() == null ? "" : e.reason())
                .setHeader(getTranslation("sales.timeline.reason"));
        timeline.addColumn(e -> actor(e.actor())).setHeader(getTranslation("sales.timeline.actor"));
        timeline.setItems(details.timeline());

        return timeline;
    }

    /** Refund (for who may change), the receipt by e-mail and to print, back to the list. */
    private HorizontalLayout actions(SaleDetails details) {
        SaleSummary s = details.sale();
        Button refund = new Button(
                getTranslation("sales.refund"),
                VaadinIcon.ARROW_BACKWARD.create(),
                e -> new RefundDialog(sales, details, this::refunded).open());
        refund.setId("sale-refund");
        refund.setVisible(
                s.refundableMinor() > 0 && CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));

        Anchor receipt = new Anchor("sales/" + s.id() + "/receipt", getTranslation("sales.receipt"));
        receipt.setId("sale-receipt");
        receipt.setTarget(AnchorTarget.BLANK);

        Button email = new Button(getTranslation("sales.mail"), VaadinIcon.ENVELOPE.create(), e -> emailDialog());
        email.setId("sale-email");
        email.setEnabled(mailer.available() && s.status().approved());
        if (!mailer.available()) {
            email.setTooltipText(getTranslation("sales.mail.notConfigured"));
        }

        Anchor back = new Anchor("sales", getTranslation("sales.back"));
        back.setId("sale-back");
        HorizontalLayout actions = new HorizontalLayout(refund, email, receipt, back);
        actions.setAlignItems(Alignment.CENTER);

        return actions;
    }

    private void refunded(SaleDetails details) {
        Notification.show(getTranslation(
                        "sales.refund.done",
                        Money.of(details.sale().refundedMinor(), details.sale().currency())
                                .format(getLocale())))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show(details);
    }

    private void emailDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("sale-email-dialog");
        dialog.setHeaderTitle(getTranslation("sales.mail.title"));
        EmailField address = new EmailField(getTranslation("sales.mail.address"));
        address.setId("sale-email-address");
        address.setWidthFull();
        address.setRequiredIndicatorVisible(true);
        Button send = new Button(getTranslation("sales.mail.send"), e -> {
            try {
                mailer.send(saleId, address.getValue(), getLocale(), this::getTranslation);
                dialog.close();
                Notification.show(getTranslation("sales.mail.sent")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ReceiptMailer.NotSentException ex) {
                address.setInvalid(true);
                address.setErrorMessage(getTranslation(ex.key()));
            } catch (SaleNotFoundException ex) {
                dialog.close();
                Notification.show(getTranslation("sales.notFound.text"))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        send.setId("sale-email-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("sales.cancel"), e -> dialog.close());
        dialog.add(address);
        dialog.getFooter().add(cancel, send);
        dialog.open();
    }

    private void fact(FormLayout facts, String key, String value) {
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.setId("sale-" + key.substring(key.lastIndexOf('.') + 1));
        facts.addFormItem(text, getTranslation(key));
    }

    private String storeName(UUID id) {
        try {
            return stores.get(id).name();
        } catch (StoreNotFoundException e) {
            return "";
        }
    }

    private String deviceName(UUID id) {
        try {
            return devices.get(id).name();
        } catch (DeviceNotFoundException e) {
            return "";
        }
    }

    /** Who took a step: a device by its name in the page's language ("Perangkat Kasir 1"), a person as recorded. */
    private String actor(String actor) {
        if (actor == null) {
            return "";
        }
        return actor.startsWith(DEVICE_ACTOR)
                ? getTranslation("sales.timeline.byDevice", actor.substring(DEVICE_ACTOR.length()))
                : actor;
    }

    /** How the payment service records a step a device asked for: "device " and the device's name. */
    private static final String DEVICE_ACTOR = "device ";

    /** Why a sale was not approved, in the page's language; a reason without words yet as its spaced code. */
    private String declineReason(String reason) {
        String key = "sales.decline." + reason;
        String text = getTranslation(key);
        return text == null || text.isBlank() || text.contains(key) ? reason.replace('_', ' ') : text;
    }
}
