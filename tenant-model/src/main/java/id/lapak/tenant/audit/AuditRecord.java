package id.lapak.tenant.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit entry as the audit log pages show it ({@code tenantId} null: the platform chain). */
public record AuditRecord(
        UUID id,
        UUID tenantId,
        long seq,
        Instant occurredAt,
        String actorKind,
        String actorId,
        String actorName,
        String actorRole,
        String action,
        String entityType,
        String entityId,
        String changes,
        String details,
        String ip,
        String userAgent) {}
