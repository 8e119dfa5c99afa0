package id.lapak.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a person's open portal sessions when their access changes: {@link #revoke} records the moment, and every
 * portal request of a session that began before it is refused (the session is invalidated and the person logs in
 * again, with their new rights). The moment lives in the database, so the next request on any node sees it.
 */
@Component
public class AccessRevocations {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessRevocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sessions of {@code subject} that began before now end at their next request. */
    public void revoke(String subject) {
        jdbc.sql("""
                        insert into access_revocation (subject, not_before) values (?, ?)
                        on conflict (subject) do update set not_before = excluded.not_before""")
                .params(subject, Timestamp.from(clock.instant())).update();
    }

    /** Whether a session of {@code subject} that began at {@code sessionStart} must end. */
    boolean revoked(String subject, Instant sessionStart) {
        Optional<Timestamp> notBefore = jdbc.sql("select not_before from access_revocation where subject = ?")
                .param(subject).query(Timestamp.class).optional();
        return notBefore.isPresent() && (sessionStart == null || sessionStart.isBefore(notBefore.get().toInstant()));
    }
}
