package id.lapak.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Shows a new person's temporary password once, for whoever invited them to pass on (it is not stored anywhere in
 * Lapak). At the first login Keycloak asks for a new password, the e-mail check and, for admins, a one-time code.
 */
public class TemporaryPasswordDialog extends Dialog {

    public TemporaryPasswordDialog(String email, String temporaryPassword) {
        setId("temporary-password-dialog");
        setHeaderTitle(getTranslation("identity.invitation.title"));
        Span login = new Span(email);
        login.setId("invitation-login");
        Span password = new Span(temporaryPassword);
        password.setId("invitation-password");
        password.addClassName("lapak-secret");
        add(
                new Paragraph(getTranslation("identity.invitation.text")),
                new Paragraph(new Span(getTranslation("identity.invitation.login") + " "), login),
                new Paragraph(new Span(getTranslation("identity.invitation.password") + " "), password),
                new Paragraph(getTranslation("identity.invitation.once")));
        Button done = new Button(getTranslation("identity.invitation.done"), e -> close());
        done.setId("invitation-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
