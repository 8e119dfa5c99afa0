package id.lapak.security;

import com.vaadin.flow.server.VaadinService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a portal session on every request, before it is authorised: a "view as tenant" past its time ends; a person
 * whose access changed after they logged in (disabled, another role, other stores), or whose Keycloak session was
 * ended (back-channel logout), is signed out and logs in again;
 * a person whose tenant was suspended after they logged in is signed out and sent to the suspended page.
 */
class PortalSessionFilter extends OncePerRequestFilter {

    static final String SUSPENDED_PAGE = "/tenant-suspended";

    private final ViewAs viewAs;
    private final TenantStatusCheck tenantStatus;
    private final AccessRevocations revocations;

    PortalSessionFilter(ViewAs viewAs, TenantStatusCheck tenantStatus, AccessRevocations revocations) {
        this.viewAs = viewAs;
        this.tenantStatus = tenantStatus;
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        viewAs.expireIfDue(request, response);
        LapakUser user = CurrentUser.find().orElse(null);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (user != null
                && authentication != null
                && authentication.getPrincipal() instanceof OidcUser oidc
                && revocations.revoked(user.subject(), oidc.getIssuedAt(), oidc.getClaimAsString("sid"))) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            endedSession(request, response);
            return;
        }
        if (user != null
                && !(user instanceof ReadOnlyViewer)
                && user.tenantId().isPresent()
                && tenantStatus.suspended(user.tenantId().get())) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + SUSPENDED_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Tells the browser its session ended: a page request is sent to the start page (and so to the login page); a
     * request of Vaadin's client (a click, a heartbeat) gets Vaadin's own "session expired" answer, on which the
     * client reloads the page — which then goes to the login page too.
     */
    private static void endedSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String vaadinRequest = request.getParameter("v-r");
        if ("uidl".equals(vaadinRequest)) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(VaadinService.createSessionExpiredJSON(false));
        } else if (vaadinRequest != null) {
            response.sendError(HttpServletResponse.SC_GONE);
        } else {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
