package id.lapak.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import id.lapak.preferences.UserPreferences;
import id.lapak.security.AccessDeniedAudit;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.ReadOnlyViewException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each new portal session starts in the person's remembered language, and an unexpected error during an action
 * shows a short message with a reference instead of a stack trace.
 */
@Component
class SessionSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionSetup.class);

    private final UserPreferences preferences;
    private final AccessDeniedAudit accessDenied;

    SessionSetup(UserPreferences preferences, AccessDeniedAudit accessDenied) {
        this.preferences = preferences;
        this.accessDenied = accessDenied;
    }

    private static boolean readOnly(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ReadOnlyViewException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            VaadinSession session = init.getSession();
            session.setErrorHandler(error -> {
                if (readOnly(error.getThrowable()) && UI.getCurrent() != null) {
                    // Viewing a tenant as support: the service refused a change, as it must.
                    CurrentUser.find().ifPresent(accessDenied::readOnlyRefused);
                    Notification.show(session.getService()
                                    .getInstantiator()
                                    .getI18NProvider()
                                    .getTranslation("viewAs.readOnly", session.getLocale()))
                            .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                    return;
                }
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected error in the portal, reference {}", reference, error.getThrowable());
                if (UI.getCurrent() != null) {
                    Notification notification = Notification.show(session.getService()
                            .getInstantiator()
                            .getI18NProvider()
                            .getTranslation("error.unexpected.text", session.getLocale(), reference));
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        });
        event.getSource()
                .addUIInitListener(ui -> CurrentUser.find()
                        .flatMap(user -> preferences.language(user.subject()))
                        .ifPresent(locale -> {
                            ui.getUI().getSession().setLocale(locale);
                            ui.getUI().setLocale(locale);
                        }));
    }
}
