package id.lapak.device.auth;

import id.lapak.tenant.context.PlatformAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Forgets used assertion ids once their assertion has expired: an expired assertion is refused anyway, so its id
 * need not be remembered. An hour of grace covers device clocks that run behind.
 */
@Service
public class ExpiredAssertions {

    static final Duration GRACE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ExpiredAssertions.class);

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAssertions(PlatformAccess platform, JdbcClient jdbc, Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public int purge() {
        return purge(Instant.now(clock));
    }

    /** Deletes, across tenants, the assertion ids that expired more than the grace period before {@code now}. */
    public int purge(Instant now) {
        int purged = platform.call(
                "device assertions: purge expired",
                () -> jdbc.sql("delete from device_assertion where expires_at < ?")
                        .param(Timestamp.from(now.minus(GRACE)))
                        .update());
        if (purged > 0) {
            log.info("Purged {} expired device assertion ids", purged);
        }
        return purged;
    }
}
