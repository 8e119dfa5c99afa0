package id.lapak.tenant.audit;

import java.util.Optional;

/**
 * Where a request came from (client IP and user agent), set by the web layer for the duration of each request so
 * audit entries can say "where" without the services knowing about HTTP.
 */
public record AuditOrigin(String ip, String userAgent) {

    private static final ThreadLocal<AuditOrigin> CURRENT = new ThreadLocal<>();

    public AuditOrigin {
        ip = clip(ip, 64);
        userAgent = clip(userAgent, 400);
    }

    /** Sets this origin until the returned scope is closed (use try-with-resources). */
    public Scope open() {
        AuditOrigin previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static Optional<AuditOrigin> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
