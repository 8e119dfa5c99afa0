package id.lapak.security;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place a web request gets its tenant: from the authenticated principal, for the length of the request,
 * cleared afterwards. A request without a tenant user runs with no tenant, and tenant data stays out of reach.
 */
class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LapakUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put("user", user.username());
        try {
            if (user.tenantId().isPresent()) {
                TenantContext.callAs(user.tenantId().get(), () -> {
                    chain.doFilter(request, response);
                    return null;
                });
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            MDC.remove("user");
        }
    }
}
