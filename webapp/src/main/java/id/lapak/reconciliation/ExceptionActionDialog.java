package id.lapak.reconciliation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.billing.reconciliation.ExceptionItem;
import id.lapak.billing.reconciliation.Reconciliation;
import id.lapak.billing.reconciliation.ReconciliationRefusedException;
import java.util.UUID;

/**
 * Mark received (optional note), link by hand (the other side's reference) or write off (a reason): one field, and
 * a refusal shown on it.
 */
class ExceptionActionDialog extends Dialog {

    private final TextField field = new TextField();

    ExceptionActionDialog(
            Reconciliation reconciliation, UUID tenant, ExceptionItem item, ExceptionAction action, Runnable done) {
        setId("reconciliation-action-dialog");
        setHeaderTitle(getTranslation(action.labelKey()));
        setWidth("min(32em, 95vw)");
        field.setId("reconciliation-action-field");
        field.setWidthFull();
        field.setLabel(getTranslation("reconciliation.action." + action.name() + ".field"));
        field.setMaxLength(action == ExceptionAction.LINK ? 100 : Reconciliation.REASON_MAX);
        add(new Paragraph(getTranslation("reconciliation.action." + action.name() + ".help", item.reference())), field);
        Button confirm = new Button(getTranslation(action.labelKey()), e -> {
            try {
                switch (action) {
                    case RECEIVE -> reconciliation.markReceived(tenant, item.id(), field.getValue());
                    case LINK -> reconciliation.link(tenant, item.id(), field.getValue());
                    case WRITE_OFF -> reconciliation.writeOff(tenant, item.id(), field.getValue());
                }
                close();
                done.run();
            } catch (ReconciliationRefusedException refused) {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation(refused.messageKey()));
            }
        });
        confirm.setId("reconciliation-action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("reconciliation.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }
}
