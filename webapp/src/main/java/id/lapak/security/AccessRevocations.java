package id.lapak.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a person's open portal sessions when their access changes: {@link #revoke} records the moment, and every
 * portal request of a session that began before it is refused (the session is invalidated and the person logs in
 * again, with their new rights). {@link #endLoginSession} does the same for the portal sessions begun from one
 * Keycloak session (OIDC Back-Channel Logout). Both live in the database, so the next request on any node sees them.
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
                        on conflict (subject) do update set not_before = excluded.not_before""").params(subject, Timestamp.from(clock.instant())).update();
    }

    /**
     * Keycloak ended the login session {@code sid} of {@code subject}: the portal sessions begun from it end at their
     * next request. Without a sid (a logout token may name only the person) every session of the person ends.
     */
    public void endLoginSession(String sid, String subject) {
        if (sid == null || sid.isBlank()) {
            if (subject != null && !subject.isBlank()) {
                revoke(subject);
            }
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into login_session_revocation (sid, subject, revoked_at) values (?, ?, ?)
                        on conflict (sid) do nothing""").params(sid, subject, Timestamp.from(now)).update();
        jdbc.sql("delete from login_session_revocation where revoked_at < ?")
                .param(Timestamp.from(now.minus(KEPT)))
                .update();
    }

    /** Longer than Keycloak's longest session (10 hours): a revoked sid cannot come back after this. */
    private static final Duration KEPT = Duration.ofDays(2);

    /** Whether a session of {@code subject} that began at {@code sessionStart} must end. */
    boolean revoked(String subject, Instant sessionStart) {
        return revoked(subject, sessionStart, null);
    }

    /**
     * Whether a session of {@code subject} that began at {@code sessionStart} from the Keycloak session {@code sid}
     * must end (one query per request).
     */
    boolean revoked(String subject, Instant sessionStart, String sid) {
        Timestamp start = sessionStart == null ? null : Timestamp.from(sessionStart);
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from login_session_revocation where sid = :sid)
                            or exists (select 1 from access_revocation where subject = :subject
                                       and (cast(:start as timestamptz) is null or not_before > :start))""")
                .param("sid", sid)
                .param("subject", subject)
                .param("start", start)
                .query(Boolean.class)
                .single());
    }
}
