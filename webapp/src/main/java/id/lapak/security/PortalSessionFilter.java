package id.lapak.security;

import java.io.IOException;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a portal session on every request, before it is authorised: a "view as tenant" past its time ends, and a
 * person whose tenant was suspended after they logged in is signed out and sent to the suspended page.
 */
class PortalSessionFilter extends OncePerRequestFilter {

    static final String SUSPENDED_PAGE = "/tenant-suspended";

    private final ViewAs viewAs;
    private final TenantStatusCheck tenantStatus;

    PortalSessionFilter(ViewAs viewAs, TenantStatusCheck tenantStatus) {
        this.viewAs = viewAs;
        this.tenantStatus = tenantStatus;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        viewAs.expireIfDue(request, response);
        LapakUser user = CurrentUser.find().orElse(null);
        if (user != null && !(user instanceof ReadOnlyViewer) && user.tenantId().isPresent()
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
}
