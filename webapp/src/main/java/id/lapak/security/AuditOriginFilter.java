package id.lapak.security;

import id.lapak.tenant.audit.AuditOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the audit log where each request came from. The client address is the servlet's remote address: behind a
 * proxy, {@code server.forward-headers-strategy} decides whether forwarded headers are trusted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditOriginFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (AuditOrigin.Scope scope =
                new AuditOrigin(request.getRemoteAddr(), request.getHeader("User-Agent")).open()) {
            chain.doFilter(request, response);
        }
    }
}
