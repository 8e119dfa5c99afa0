package id.lapak.security;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Every refusal of a signed-in person — a service method their role may not call, a URL they may not open, a
 * portal page (see {@link #pageDenied}) — becomes an {@code access.denied} audit entry in their tenant's chain (or
 * the platform chain for support staff). Anonymous requests sent to the login are not audited.
 */
@Configuration(proxyBeanMethods = false)
public class AccessDeniedAudit {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedAudit.class);

    private final AuditLog audit;

    AccessDeniedAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || !(authentication.getPrincipal() instanceof LapakUser user)) {
            return;
        }
        String target = switch (event.getSource()) {
            case MethodInvocation invocation ->
                invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                        + invocation.getMethod().getName();
            case HttpServletRequest request -> request.getMethod() + " " + request.getRequestURI();
            default -> event.getSource().getClass().getSimpleName();
        };
        record(user, "service", target);
    }

    /** A change attempted while viewing a tenant read-only (refused where its transaction began). */
    public void readOnlyRefused(LapakUser user) {
        record(user, "read-only view", "change refused");
    }

    /** A portal page the person's role may not open. */
    public void pageDenied(LapakUser user, String path) {
        record(user, "page", path);
    }

    /** Never lets a failure to audit replace the refusal itself (e.g. inside a read-only transaction). */
    private void record(LapakUser user, String kind, String target) {
        try {
            audit.recordFor(
                    user.tenantId().orElse(null),
                    AuditEvent.of("access.denied", kind, clip(target)).detail("username", user.username()));
        } catch (RuntimeException e) {
            log.warn("Could not audit a refused access of {} to {}: {}", user.username(), target, e.toString());
        }
    }

    private static String clip(String value) {
        return Optional.ofNullable(value)
                .map(v -> v.length() > 300 ? v.substring(0, 300) : v)
                .orElse(null);
    }
}
