package id.lapak.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** A service refused the signed-in person while a page was opening (role or tenant checks in the service). */
@PageTitle("Lapak")
@AnonymousAllowed
class ServiceDeniedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("error.denied.title", "error.denied.text");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
