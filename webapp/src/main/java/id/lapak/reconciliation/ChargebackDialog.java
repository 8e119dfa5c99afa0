package id.lapak.reconciliation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.billing.sale.reversal.Chargebacks;
import id.lapak.billing.sale.reversal.Chargebacks.DisputedSale;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import java.util.Currency;
import java.util.UUID;

/**
 * Support makes the sandbox acquirer raise (or reverse) a chargeback on a sale of the chosen tenant: the sale by
 * its id or authorization reference, the amount as people type it, a reason. The acquirer's notice records it.
 */
class ChargebackDialog extends Dialog {

    private final TextField sale = new TextField();
    private final TextField amount = new TextField();
    private final TextField reason = new TextField();

    ChargebackDialog(Chargebacks chargebacks, UUID tenant, Runnable done) {
        setId("chargeback-dialog");
        setHeaderTitle(getTranslation("reconciliation.chargeback.title"));
        setWidth("min(32em, 95vw)");
        sale.setId("chargeback-sale");
        sale.setLabel(getTranslation("reconciliation.chargeback.sale"));
        amount.setId("chargeback-amount");
        amount.setLabel(getTranslation("reconciliation.chargeback.amount"));
        reason.setId("chargeback-reason");
        reason.setLabel(getTranslation("reconciliation.chargeback.reason"));
        reason.setMaxLength(Chargebacks.REASON_MAX);
        for (TextField f : new TextField[] {sale, amount, reason}) {
            f.setWidthFull();
        }
        add(new Paragraph(getTranslation("reconciliation.chargeback.help")), sale, amount, reason);
        Button raise = new Button(
                getTranslation("reconciliation.chargeback.raise"), e -> submit(chargebacks, tenant, false, done));
        raise.setId("chargeback-raise");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button reverse = new Button(
                getTranslation("reconciliation.chargeback.reverse"), e -> submit(chargebacks, tenant, true, done));
        reverse.setId("chargeback-reverse");
        getFooter().add(new Button(getTranslation("reconciliation.cancel"), e -> close()), reverse, raise);
    }

    private void submit(Chargebacks chargebacks, UUID tenant, boolean reversal, Runnable done) {
        sale.setInvalid(false);
        amount.setInvalid(false);
        DisputedSale found = chargebacks.find(tenant, sale.getValue()).orElse(null);
        if (found == null) {
            sale.setInvalid(true);
            sale.setErrorMessage(getTranslation("reconciliation.chargeback.noSale"));
            return;
        }
        Money value;
        try {
            value = Money.parse(amount.getValue(), Currency.getInstance(found.currency()), getLocale());
        } catch (MoneyFormatException e) {
            amount.setInvalid(true);
            amount.setErrorMessage(getTranslation(e.messageKey()));
            return;
        }
        try {
            if (reversal) {
                chargebacks.reverseInSandbox(tenant, found.saleId(), value.minor(), reason.getValue());
            } else {
                chargebacks.raiseInSandbox(tenant, found.saleId(), value.minor(), reason.getValue());
            }
            close();
            done.run();
            Notification.show(
                            getTranslation(
                                    reversal
                                            ? "reconciliation.chargeback.reversed"
                                            : "reconciliation.chargeback.raised",
                                    value.format(getLocale())),
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PaymentRefusedException | SaleNotFoundException e) {
            amount.setInvalid(true);
            amount.setErrorMessage(getTranslation("reconciliation.chargeback.refused"));
        }
    }
}
