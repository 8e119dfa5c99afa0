package id.lapak.tenant.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What happened, for the audit log: an action ({@code store.created}, {@code tenant.suspended}), the entity it
 * touched, the fields it changed (before → after) and free details (a reason). Immutable; the builder methods
 * return a copy. Values are kept as text. Fields whose name says they hold a secret are stored as "[redacted]":
 * callers must never pass secrets or card data, this is the last guard.
 */
public record AuditEvent(
        String action, String entityType, String entityId, Map<String, Change> changes, Map<String, String> details) {

    private static final Set<String> SECRET_NAMES =
            Set.of("password", "secret", "pin", "pan", "cardnumber", "track2", "cvv", "cvc", "key", "token", "otp");

    public record Change(String before, String after) {}

    public AuditEvent {
        if (action == null || action.isBlank() || action.length() > 100) {
            throw new IllegalArgumentException("An audit action is 1 to 100 characters");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEvent of(String action) {
        return new AuditEvent(action, null, null, Map.of(), Map.of());
    }

    public static AuditEvent of(String action, String entityType, Object entityId) {
        return new AuditEvent(action, entityType, entityId == null ? null : entityId.toString(), Map.of(), Map.of());
    }

    /** Adds a changed field; a field whose value did not change is left out. */
    public AuditEvent change(String field, Object before, Object after) {
        if (Objects.equals(text(before), text(after))) {
            return this;
        }
        Map<String, Change> more = new LinkedHashMap<>(changes);
        more.put(field, secret(field) ? new Change("[redacted]", "[redacted]") : new Change(text(before), text(after)));
        return new AuditEvent(action, entityType, entityId, more, details);
    }

    public AuditEvent detail(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(name, secret(name) ? "[redacted]" : text(value));
        return new AuditEvent(action, entityType, entityId, changes, more);
    }

    static boolean secret(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_NAMES.contains(lower)
                || lower.endsWith("password")
                || lower.endsWith("secret")
                || lower.endsWith("token")
                || lower.endsWith("pan")
                || lower.endsWith("cardnumber");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
