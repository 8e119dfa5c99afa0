package id.lapak.tenant.audit;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Who acted: a person (merchant staff), support staff, a device, or a job. The signed-in user is found on its own;
 * devices and jobs say who they are with {@link #callAs}.
 */
public record AuditActor(Kind kind, String id, String name, String role, UUID tenantId) {

    public enum Kind {
        PERSON,
        SUPPORT,
        DEVICE,
        SYSTEM
    }

    private static final ThreadLocal<AuditActor> OVERRIDE = new ThreadLocal<>();

    public AuditActor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static AuditActor of(LapakUser user) {
        if (user instanceof ReadOnlyViewer viewing) {
            // Support staff viewing a tenant act as themselves, never as the tenant's admin.
            LapakUser person = viewing.viewer();
            return new AuditActor(Kind.SUPPORT, person.subject(), person.displayName(), Role.SUPPORT.name(), null);
        }
        String roles = user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        Kind kind = user.has(Role.SUPPORT) ? Kind.SUPPORT : Kind.PERSON;
        return new AuditActor(
                kind,
                user.subject(),
                user.displayName(),
                roles.isEmpty() ? null : roles,
                user.tenantId().orElse(null));
    }

    public static AuditActor device(UUID tenantId, UUID deviceId, String name) {
        return new AuditActor(Kind.DEVICE, deviceId.toString(), name, "DEVICE", tenantId);
    }

    /** A scheduled job or other work no person started, e.g. {@code system("settlement-job")}. */
    public static AuditActor system(String name) {
        return new AuditActor(Kind.SYSTEM, name, name, null, null);
    }

    /** Runs {@code work} with this actor as the author of every audit entry it writes. */
    public <T> T callAs(Callable<T> work) {
        AuditActor previous = OVERRIDE.get();
        OVERRIDE.set(this);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public void runAs(Runnable work) {
        callAs(() -> {
            work.run();
            return null;
        });
    }

    static Optional<AuditActor> override() {
        return Optional.ofNullable(OVERRIDE.get());
    }
}
