package id.lapak.reports;

import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support's command to recompute a tenant's report figures from its sales ({@link ReportRollups#rebuild}): audited
 * with its reason, then run in the background, since a tenant with years of sales takes minutes. Reports stay right
 * meanwhile: a store day without a rollup is read from the sales.
 */
@Service
public class ReportRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReportRebuilds.class);

    private final ReportRollups rollups;
    private final AuditLog audit;
    private final PlatformAccess platform;
    private final Executor background;

    @Autowired
    ReportRebuilds(ReportRollups rollups, AuditLog audit, PlatformAccess platform) {
        this(rollups, audit, platform, Executors.newVirtualThreadPerTaskExecutor());
    }

    ReportRebuilds(ReportRollups rollups, AuditLog audit, PlatformAccess platform, Executor background) {
        this.rollups = rollups;
        this.audit = audit;
        this.platform = platform;
        this.background = background;
    }

    /**
     * Records the request in the tenant's audit log and recomputes its rollups in the background; the future ends
     * with the number of store days rolled again.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public CompletableFuture<Integer> rebuild(UUID tenantId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > TenantAdministration.REASON_MAX) {
            throw new IllegalArgumentException("support.reason.required");
        }
        platform.run(
                "support recomputes the report figures of tenant " + tenantId,
                () -> audit.recordFor(
                        tenantId,
                        AuditEvent.of("reports.rebuilt", "Tenant", tenantId).detail("reason", why)));
        // Nobody waits on the page for it: the outcome, a failure included, is logged.
        return CompletableFuture.supplyAsync(() -> rollups.rebuild(tenantId), background)
                .whenComplete((days, failure) -> {
                    if (failure == null) {
                        log.info("Report figures of tenant {} recomputed: {} store days", tenantId, days);
                    } else {
                        log.error("Report figures of tenant {} could not be recomputed", tenantId, failure);
                    }
                });
    }
}
