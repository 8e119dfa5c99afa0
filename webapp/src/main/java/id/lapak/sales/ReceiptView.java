package id.lapak.sales;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.sale.SaleNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/** A sale's receipt on a page of its own, without the portal frame, ready to print. */
@Route(value = "sales/:saleId/receipt", autoLayout = false)
@PageTitle("Lapak · Receipt")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class ReceiptView extends VerticalLayout implements BeforeEnterObserver {

    private final Receipts receipts;

    ReceiptView(Receipts receipts) {
        this.receipts = receipts;
        setId("receipt");
        addClassName("lapak-receipt-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            UUID saleId = UUID.fromString(
                    event.getRouteParameters().get(SaleView.SALE_ID).orElse(""));
            Receipts.Receipt receipt = receipts.receipt(saleId);
            Html body = new Html(receipts.html(receipt, getLocale(), this::getTranslation));
            Button print = new Button(
                    getTranslation("sales.receipt.print"),
                    VaadinIcon.PRINT.create(),
                    e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
            print.setId("receipt-print");
            Anchor back = new Anchor("sales/" + saleId, getTranslation("sales.receipt.back"));
            HorizontalLayout actions = new HorizontalLayout(print, back);
            actions.addClassName("lapak-no-print");
            Div paper = new Div(body);
            paper.setId("receipt-paper");
            add(actions, paper);
        } catch (IllegalArgumentException | SaleNotFoundException e) {
            add(new H2(getTranslation("sales.notFound.title")), new Span(getTranslation("sales.notFound.text")));
        }
    }
}
