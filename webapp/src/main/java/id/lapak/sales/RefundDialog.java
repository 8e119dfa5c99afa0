package id.lapak.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.tenant.money.Money;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refunds part or all of what is left of a captured sale: the amount (at most what is refundable), whether the
 * goods come back into stock, and a reason. Refusals from the service show as translated messages.
 */
class RefundDialog extends Dialog {

    private final SalesService sales;
    private final SaleSummary sale;
    private final Consumer<SaleDetails> onRefunded;
    private final TextField amount;
    private final Checkbox restock = new Checkbox();
    private final TextArea reason = new TextArea();
    private final Span error = new Span();

    RefundDialog(SalesService sales, SaleDetails details, Consumer<SaleDetails> onRefunded) {
        this.sales = sales;
        this.sale = details.sale();
        this.onRefunded = onRefunded;
        setId("refund-dialog");
        setHeaderTitle(getTranslation("sales.refund.title"));

        String refundable = Money.of(sale.refundableMinor(), sale.currency()).format(getLocale());
        amount = AmountField.create("refund-amount", getTranslation("sales.refund.amount", sale.currency()));
        amount.setHelperText(getTranslation("sales.refund.refundable", refundable));
        amount.setValue(Money.of(sale.refundableMinor(), sale.currency()).formatNumber(getLocale()));
        amount.setWidthFull();
        restock.setId("refund-restock");
        restock.setLabel(getTranslation("sales.refund.restock"));
        restock.setValue(!details.lines().isEmpty());
        restock.setVisible(!details.lines().isEmpty());
        reason.setId("refund-reason");
        reason.setLabel(getTranslation("sales.refund.reason"));
        reason.setMaxLength(SalesService.REASON_MAX);
        reason.setWidthFull();
        error.setId("refund-error");
        error.addClassName("lapak-error");

        Button confirm = new Button(getTranslation("sales.refund.confirm"), e -> refund());
        confirm.setId("refund-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("sales.cancel"), e -> close());
        cancel.setId("refund-cancel");
        add(new Paragraph(getTranslation("sales.refund.text", refundable)), amount, restock, reason, error);
        getFooter().add(cancel, confirm);
    }

    void refund() {
        error.setText("");
        amount.setInvalid(false);
        Optional<Long> typed = AmountField.read(amount, sale.currency(), getLocale());
        if (typed == null) {
            return;
        }
        long minor = typed.orElse(0L);
        if (minor <= 0) {
            invalidAmount(getTranslation("sales.refund.badAmount"));
            return;
        }
        if (minor > sale.refundableMinor()) {
            invalidAmount(getTranslation(
                    "sales.refund.tooMuch",
                    Money.of(sale.refundableMinor(), sale.currency()).format(getLocale())));
            return;
        }
        try {
            SaleDetails after = sales.refund(sale.id(), minor, restock.getValue(), reason.getValue());
            close();
            onRefunded.accept(after);
        } catch (PaymentRefusedException e) {
            String key = "payment.refused." + e.reason();
            String text = getTranslation(key);
            error.setText(
                    text == null || text.isBlank() || text.contains(key)
                            ? getTranslation("sales.refund.failed")
                            : text);
        } catch (SaleNotFoundException e) {
            error.setText(getTranslation("sales.notFound.text"));
        } catch (AccessDeniedException e) {
            error.setText(getTranslation("sales.refund.denied"));
        }
    }

    private void invalidAmount(String message) {
        amount.setInvalid(true);
        amount.setErrorMessage(message);
    }
}
