package id.lapak.identity;

import id.lapak.identity.KeycloakAdmin.EventRep;
import id.lapak.identity.KeycloakAdmin.UserRep;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditOrigin;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies Keycloak's security events — failed logins, lockouts, password and one-time-code changes — into Lapak's
 * audit log, in the chain of the person's tenant (their {@code tenant_id} attribute; support staff and unknown
 * usernames go to the platform chain), so merchant admins and support see them beside everything else. Reads
 * Keycloak's event store through its admin API from where the last import stopped (with an overlap), and writes each
 * event's id with its audit entry in one transaction: every event is audited exactly once.
 */
@Component
class IdentityEventImport {

    private static final Logger log = LoggerFactory.getLogger(IdentityEventImport.class);
    private static final int PAGE = 200;
    /** Events are read again this far back, in case Keycloak stored one late; the ids make it harmless. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);
    /** How far back the very first import looks. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private static final Duration KEPT = Duration.ofDays(7);

    private final KeycloakAdmin keycloak;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PlatformAccess platform;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdentityEventImport(
            KeycloakAdmin keycloak,
            JdbcClient jdbc,
            AuditLog audit,
            PlatformAccess platform,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.keycloak = keycloak;
        this.jdbc = jdbc;
        this.audit = audit;
        this.platform = platform;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Audits every event not audited yet; returns how many. Keycloak being away fails the run (the next retries). */
    int importNew() {
        Timestamp newest = jdbc.sql("select max(occurred_at) from identity_event_import")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        Instant from = newest == null
                ? clock.instant().minus(FIRST_LOOK_BACK)
                : newest.toInstant().minus(OVERLAP);
        Map<String, Optional<UserRep>> users = new HashMap<>();
        int imported = 0;
        for (int first = 0; ; first += PAGE) {
            List<EventRep> page = keycloak.events(from.toEpochMilli(), first, PAGE);
            for (EventRep event : page) {
                if (importOne(event, users)) {
                    imported++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        jdbc.sql("delete from identity_event_import where occurred_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
        if (imported > 0) {
            log.info("Audited {} Keycloak security event(s)", imported);
        }
        return imported;
    }

    private boolean importOne(EventRep event, Map<String, Optional<UserRep>> users) {
        Optional<AuditEvent> entry = IdentityEvents.auditEvent(event);
        if (entry.isEmpty()) {
            return false;
        }
        String eventId = IdentityEvents.id(event);
        Optional<UserRep> user =
                event.userId() == null ? Optional.empty() : users.computeIfAbsent(event.userId(), keycloak::findUser);
        UUID tenant = user.flatMap(u -> u.attribute(Identities.TENANT_ID))
                .map(IdentityEventImport::uuid)
                .orElse(null);
        AuditActor actor =
                IdentityEvents.actor(event, user.map(UserRep::username).orElse(null), tenant);
        Supplier<Boolean> write = () -> {
            int inserted = jdbc.sql("""
                            insert into identity_event_import (event_id, occurred_at) values (?, ?)
                            on conflict (event_id) do nothing""")
                    .params(eventId, Timestamp.from(Instant.ofEpochMilli(event.time())))
                    .update();
            if (inserted == 0) {
                return false;
            }
            try (AuditOrigin.Scope ignored = new AuditOrigin(event.ipAddress(), null).open()) {
                actor.runAs(() -> audit.recordFor(tenant, entry.get()));
            }
            return true;
        };
        if (tenant == null) {
            return platform.call("audit: a Keycloak security event without a tenant", write);
        }
        return TenantContext.callAs(tenant, () -> transaction.execute(status -> write.get()));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
