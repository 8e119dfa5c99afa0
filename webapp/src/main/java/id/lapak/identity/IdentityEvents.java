package id.lapak.identity;

import id.lapak.identity.KeycloakAdmin.EventRep;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Which Keycloak events Lapak audits, and as what: the realm stores only these types (lapak-realm.json,
 * {@code enabledEventTypes}); any other type is ignored. The actions are translated on the audit log page
 * ({@code audit.action.*}).
 */
final class IdentityEvents {

    static final String LOGIN_FAILED = "identity.login_failed";
    static final String LOCKED_OUT_TEMPORARILY = "identity.locked_out_temporarily";
    static final String LOCKED_OUT = "identity.locked_out";
    static final String PASSWORD_CHANGED = "identity.password_changed";
    static final String OTP_CHANGED = "identity.otp_changed";
    static final String OTP_REMOVED = "identity.otp_removed";
    static final String CREDENTIAL_CHANGE_FAILED = "identity.credential_change_failed";

    private IdentityEvents() {}

    static Optional<AuditEvent> auditEvent(EventRep event) {
        if (event.type() == null) {
            return Optional.empty();
        }
        boolean otp = "otp".equalsIgnoreCase(detail(event, "credential_type"));
        String action = switch (event.type()) {
            case "LOGIN_ERROR" -> LOGIN_FAILED;
            case "USER_DISABLED_BY_TEMPORARY_LOCKOUT" -> LOCKED_OUT_TEMPORARILY;
            case "USER_DISABLED_BY_PERMANENT_LOCKOUT" -> LOCKED_OUT;
            case "UPDATE_CREDENTIAL" -> otp ? OTP_CHANGED : PASSWORD_CHANGED;
            case "REMOVE_CREDENTIAL" -> otp ? OTP_REMOVED : PASSWORD_CHANGED;
            case "UPDATE_CREDENTIAL_ERROR", "REMOVE_CREDENTIAL_ERROR" -> CREDENTIAL_CHANGE_FAILED;
            default -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        AuditEvent entry = AuditEvent.of(action, "User", event.userId() != null ? event.userId() : username(event))
                .detail("keycloakEvent", event.type().toLowerCase(Locale.ROOT))
                .detail("at", Instant.ofEpochMilli(event.time()).toString());
        if (event.error() != null) {
            entry = entry.detail("error", clip(event.error()));
        }
        for (String[] kept : new String[][] {
            {"username", "username"}, {"credential_type", "credentialType"}, {"auth_method", "method"}
        }) {
            String value = detail(event, kept[0]);
            if (value != null) {
                entry = entry.detail(kept[1], clip(value));
            }
        }
        if (event.clientId() != null) {
            entry = entry.detail("client", clip(event.clientId()));
        }
        return Optional.of(entry);
    }

    /** The event's own id; an event stored without one gets a name made of what identifies it. */
    static String id(EventRep event) {
        if (event.id() != null && !event.id().isBlank()) {
            return event.id();
        }
        return clip(event.time() + ":" + event.type() + ":" + event.userId() + ":" + event.sessionId() + ":"
                + event.ipAddress());
    }

    /** The person the event is about, as the entry's author (a failed login by an unknown name names the name). */
    static AuditActor actor(EventRep event, String username, UUID tenantId) {
        String name = username != null ? username : username(event);
        String id = event.userId() != null ? event.userId() : "unknown-user";
        return new AuditActor(AuditActor.Kind.PERSON, id, name == null ? id : name, null, tenantId);
    }

    private static String username(EventRep event) {
        String name = detail(event, "username");
        return name == null ? null : clip(name);
    }

    private static String detail(EventRep event, String name) {
        return event.details() == null ? null : event.details().get(name);
    }

    private static String clip(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100);
    }
}
