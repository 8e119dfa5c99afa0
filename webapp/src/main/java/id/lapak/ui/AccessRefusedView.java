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
import java.util.Set;

/** Where a login that Keycloak accepted but Lapak refused lands, with the reason in words. */
@Route(value = "access-refused", autoLayout = false)
@PageTitle("Lapak")
@AnonymousAllowed
class AccessRefusedView extends VerticalLayout implements BeforeEnterObserver {

    private static final Set<String> REASONS =
            Set.of("no_role", "no_tenant", "unknown_tenant", "tenant_suspended", "support_with_tenant", "failed");

    private final Paragraph reason = new Paragraph();
    private final LoginLinks links;

    AccessRefusedView(LoginLinks links) {
        this.links = links;
        setId("access-refused");
        reason.setId("refused-reason");
        add(new H1(getTranslation("refused.title")), reason);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("reason")
                .orElse("failed");
        reason.setText(getTranslation("refused." + (REASONS.contains(code) ? code : "failed")));
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        Anchor retry = new Anchor(links.switchAccount(base), getTranslation("refused.retry"));
        retry.setId("refused-retry");
        add(retry);
    }
}
