package id.lapak.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else that fails while a page opens: logged with a reference the person can quote to support. */
@PageTitle("Lapak")
@AnonymousAllowed
class UnexpectedErrorPage extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorPage.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Unexpected error opening {}, reference {}",
                event.getLocation().getPath(),
                reference,
                parameter.getException());
        show("error.unexpected.title", "error.unexpected.text", reference);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
