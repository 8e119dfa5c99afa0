package id.lapak.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.lapak.security.LoginLinks;

/**
 * Where a person of a suspended tenant lands after logging in (or on their next request, when the suspension came
 * while they were signed in): their business's account is suspended, and whom to contact.
 */
@Route(value = "tenant-suspended", autoLayout = false)
@PageTitle("Lapak")
@AnonymousAllowed
class TenantSuspendedView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginLinks links;

    TenantSuspendedView(LoginLinks links) {
        this.links = links;
        setId("tenant-suspended");
        H1 title = new H1(getTranslation("suspended.title"));
        Paragraph text = new Paragraph(getTranslation("suspended.text"));
        text.setId("suspended-text");
        add(title, text);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        Anchor other = new Anchor(links.switchAccount(base), getTranslation("refused.retry"));
        other.setId("suspended-switch-account");
        add(other);
    }
}
