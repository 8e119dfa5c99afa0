package id.lapak.tenant.context;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After every migration run (at each start, as the owner role that runs Flyway), writes the tenant seal's key into
 * the owner-only {@code tenant_context_key}, so the database checks seals with the key this application holds. Every
 * node must be given the same key; a new key takes effect when the node that migrates starts with it.
 */
@Component
class TenantSealKey implements Callback {

    private static final String UPSERT = """
            insert into tenant_context_key (id, inner_pad, outer_pad, changed_at) values (true, ?, ?, now())
            on conflict (id) do update set inner_pad = excluded.inner_pad, outer_pad = excluded.outer_pad,
                changed_at = excluded.changed_at
            where tenant_context_key.inner_pad <> excluded.inner_pad or tenant_context_key.outer_pad <> excluded.outer_pad
            """;

    private final TenantSeal seal;

    TenantSealKey(TenantSeal seal) {
        this.seal = seal;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (PreparedStatement statement = context.getConnection().prepareStatement(UPSERT)) {
            statement.setBytes(1, seal.innerPad());
            statement.setBytes(2, seal.outerPad());
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the tenant context key: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "tenant-context-key";
    }
}
