package id.lapak.device;

import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads a device's timeline (paired, configuration fetched, heartbeat, renamed, revoked…). */
@Component
public class DeviceTimeline {

    public record Entry(String kind, String detail, String actor, Instant occurredAt) {}

    private final JdbcClient jdbc;

    DeviceTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In a transaction of its own when called outside one: row-level security needs the tenant set. */
    @Transactional
    public void record(UUID deviceId, String kind, String detail, String actor) {
        jdbc.sql("""
                        insert into device_event (tenant_id, device_id, kind, detail, actor, occurred_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant(), deviceId, kind, detail, actor, Timestamp.from(Instant.now()))
                .update();
    }

    @Transactional(readOnly = true)
    List<Entry> latest(UUID deviceId, int limit) {
        return jdbc.sql("""
                        select kind, detail, actor, occurred_at from device_event
                        where tenant_id = ? and device_id = ? order by occurred_at desc, id desc limit ?""")
                .params(TenantContext.requireTenant(), deviceId, limit)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}
