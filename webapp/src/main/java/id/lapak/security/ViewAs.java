package id.lapak.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantLifecycleException;
import id.lapak.tenant.TenantOverview;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * "View as tenant": a support person, after giving a reason, sees one tenant's portal read-only for at most
 * {@link #LENGTH}. Start, end and expiry are audited in the viewed tenant's chain, so the merchant sees them. The
 * read-only rule itself is enforced where transactions begin ({@link ReadOnlyViewer}), not here.
 */
@Component
public class ViewAs {

    public static final Duration LENGTH = Duration.ofMinutes(30);
    public static final int REASON_MAX = 500;

    private final TenantAdministration tenants;
    private final AuditLog audit;
    private final Clock clock;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    ViewAs(TenantAdministration tenants, AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts viewing {@code tenantId} in the current session. Support only, with a reason (1 to 500 characters). */
    @PreAuthorize("hasRole('SUPPORT')")
    public ReadOnlyViewer start(UUID tenantId, String reason) {
        LapakUser support = CurrentUser.require();
        if (support instanceof ReadOnlyViewer) {
            throw new AccessDeniedException("Already viewing a tenant");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new TenantLifecycleException("support.viewAs.error.reason");
        }
        TenantOverview tenant = tenants.get(tenantId);
        Instant expires = clock.instant().plus(LENGTH);
        audit.recordFor(
                tenant.id(),
                AuditEvent.of("view_as.started", "Tenant", tenant.id())
                        .detail("reason", why)
                        .detail("expiresAt", expires));
        Authentication original = SecurityContextHolder.getContext().getAuthentication();
        ViewAsUser viewer = new ViewAsUser(support, tenant.id(), why, expires);
        switchTo(new ViewAsAuthentication(viewer, original));
        return viewer;
    }

    /** Ends the view (the "End" button); nothing happens when the session is not viewing a tenant. */
    public void end() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ViewAsAuthentication viewing) {
            finish(viewing, "view_as.ended");
        }
    }

    public Optional<ReadOnlyViewer> current() {
        return CurrentUser.find().filter(ReadOnlyViewer.class::isInstance).map(ReadOnlyViewer.class::cast);
    }

    /** Called on every portal request: a view past its 30 minutes ends here, before anything reads as the tenant. */
    public void expireIfDue(HttpServletRequest request, HttpServletResponse response) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ViewAsAuthentication viewing
                && !clock.instant().isBefore(viewing.user().expiresAt())) {
            restore(viewing, request, response);
            audit.recordFor(
                    viewing.user().tenant(),
                    AuditEvent.of("view_as.expired", "Tenant", viewing.user().tenant())
                            .detail("reason", viewing.user().reason()));
        }
    }

    private void finish(ViewAsAuthentication viewing, String action) {
        var request = VaadinServletRequest.getCurrent();
        var response = VaadinServletResponse.getCurrent();
        restore(
                viewing,
                request == null ? null : request.getHttpServletRequest(),
                response == null ? null : response.getHttpServletResponse());
        // Recorded as the support person, now that the session is theirs again.
        audit.recordFor(
                viewing.user().tenant(),
                AuditEvent.of(action, "Tenant", viewing.user().tenant())
                        .detail("reason", viewing.user().reason()));
    }

    private void restore(ViewAsAuthentication viewing, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(viewing.original());
        SecurityContextHolder.setContext(context);
        if (request != null) {
            repository.saveContext(context, request, response);
        }
    }

    private void switchTo(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        var request = VaadinServletRequest.getCurrent();
        var response = VaadinServletResponse.getCurrent();
        if (request != null) {
            repository.saveContext(
                    context,
                    request.getHttpServletRequest(),
                    response == null ? null : response.getHttpServletResponse());
        }
    }
}
