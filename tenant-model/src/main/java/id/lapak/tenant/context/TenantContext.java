package id.lapak.tenant.context;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Holds the tenant of the work running on this thread. It is set in one place per entry point (the web filter from
 * the authenticated principal, a device credential, a job's explicit tenant) and always cleared in {@code finally}.
 * An async task or a job does not inherit it: pass the tenant and call {@link #callAs}.
 */
public final class TenantContext {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** What the current thread may touch: one tenant, or all of them through {@link PlatformAccess}. */
    sealed interface Scope permits TenantScope, PlatformScope {}

    record TenantScope(UUID tenantId) implements Scope {}

    record PlatformScope(String purpose) implements Scope {}

    /** The current tenant, or an exception: there is no default tenant. */
    public static UUID requireTenant() {
        if (CURRENT.get() instanceof TenantScope(UUID tenantId)) {
            return tenantId;
        }
        throw new NoTenantException();
    }

    public static Optional<UUID> currentTenant() {
        return CURRENT.get() instanceof TenantScope(UUID tenantId) ? Optional.of(tenantId) : Optional.empty();
    }

    static Scope currentScope() {
        return CURRENT.get();
    }

    public static boolean isPlatform() {
        return CURRENT.get() instanceof PlatformScope;
    }

    /** Runs {@code work} as {@code tenantId}, restoring whatever scope was there before. */
    public static <T> T callAs(UUID tenantId, Callable<T> work) {
        if (tenantId == null) {
            throw new NoTenantException();
        }
        return callIn(new TenantScope(tenantId), work);
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    static <T> T callIn(Scope scope, Callable<T> work) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        putMdc(scope);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            putMdc(previous);
        }
    }

    private static void putMdc(Scope scope) {
        switch (scope) {
            case TenantScope(UUID tenantId) -> MDC.put("tenant", tenantId.toString());
            case PlatformScope p -> MDC.put("tenant", "platform");
            case null -> MDC.remove("tenant");
        }
    }
}
