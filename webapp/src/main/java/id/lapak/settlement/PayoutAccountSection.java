package id.lapak.settlement;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.payout.PayoutAccountForm;
import id.lapak.billing.payout.PayoutAccountRefused;
import id.lapak.billing.payout.PayoutAccountService;
import java.util.Map;

/** The merchant admin's payout account: shown masked, changed in a dialog with a message on each invalid field. */
class PayoutAccountSection extends Composite<HorizontalLayout> {

    private final PayoutAccountService accounts;
    private final Span current = new Span();

    PayoutAccountSection(PayoutAccountService accounts) {
        this.accounts = accounts;
        current.setId("payout-account");
        Button change = new Button(getTranslation("payoutAccount.change"), e -> openDialog());
        change.setId("payout-account-change");
        getContent().add(current, change);
        getContent().setAlignItems(HorizontalLayout.Alignment.BASELINE);
        refresh();
    }

    private void refresh() {
        current.setText(accounts.current()
                .map(a -> a.bankName() + " · " + a.holderName() + " · " + a.maskedNumber())
                .orElse(getTranslation("payoutAccount.none")));
    }

    private void openDialog() {
        Dialog dialog = new Dialog(getTranslation("payoutAccount.title"));
        TextField bankCode = new TextField(getTranslation("payoutAccount.field.bankCode"));
        bankCode.setId("payout-bank-code");
        TextField bankName = new TextField(getTranslation("payoutAccount.field.bankName"));
        bankName.setId("payout-bank-name");
        TextField holder = new TextField(getTranslation("payoutAccount.field.holderName"));
        holder.setId("payout-holder");
        TextField number = new TextField(getTranslation("payoutAccount.field.accountNumber"));
        number.setId("payout-number");
        Map<String, TextField> fields =
                Map.of("bankCode", bankCode, "bankName", bankName, "holderName", holder, "accountNumber", number);
        Button save = new Button(getTranslation("payoutAccount.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                accounts.change(new PayoutAccountForm(
                        bankCode.getValue(), bankName.getValue(), holder.getValue(), number.getValue()));
                dialog.close();
                refresh();
                Notification.show(getTranslation("payoutAccount.saved"));
            } catch (PayoutAccountRefused refused) {
                refused.fieldErrors().forEach((field, key) -> {
                    fields.get(field).setErrorMessage(getTranslation(key));
                    fields.get(field).setInvalid(true);
                });
            }
        });
        save.setId("payout-account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(bankCode, bankName, holder, number));
        dialog.getFooter().add(new Button(getTranslation("payoutAccount.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
