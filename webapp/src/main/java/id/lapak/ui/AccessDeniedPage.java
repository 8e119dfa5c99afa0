package id.lapak.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.lapak.security.AccessDeniedAudit;
import id.lapak.tenant.access.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

@PageTitle("Lapak")
@AnonymousAllowed
@ParentLayout(MainLayout.class)
class AccessDeniedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    private final AccessDeniedAudit audit;

    AccessDeniedPage(AccessDeniedAudit audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        CurrentUser.find()
                .ifPresent(
                        user -> audit.pageDenied(user, "/" + event.getLocation().getPath()));
        show("error.denied.title", "error.denied.text");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
