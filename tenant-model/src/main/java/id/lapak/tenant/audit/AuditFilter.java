package id.lapak.tenant.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The where clause and its parameters; the tenant is bound by hand because native SQL is not filtered. */
record AuditFilter(AuditQuery query, boolean platform) {

    String where() {
        List<String> clauses = new ArrayList<>();
        if (query.tenantId() != null) {
            clauses.add("tenant_id = :tenant");
        }
        if (present(query.actor())) {
            clauses.add("(actor_name ilike :actor or actor_id = :actorId)");
        }
        if (present(query.action())) {
            clauses.add("action like :action");
        }
        if (query.from() != null) {
            clauses.add("occurred_at >= :from");
        }
        if (query.to() != null) {
            clauses.add("occurred_at < :to");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        if (query.tenantId() != null) {
            spec = spec.param("tenant", query.tenantId());
        }
        if (present(query.actor())) {
            spec = spec.param("actor", "%" + like(query.actor().strip()) + "%")
                    .param("actorId", query.actor().strip());
        }
        if (present(query.action())) {
            spec = spec.param("action", like(query.action().strip()) + "%");
        }
        if (query.from() != null) {
            spec = spec.param("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            spec = spec.param("to", Timestamp.from(query.to()));
        }
        return spec;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
