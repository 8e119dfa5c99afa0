package id.lapak.billing.settlement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement batch was closed: published once per batch, right after the close committed, inside a transaction of the
 * batch's tenant that also records the announcement (so what a listener writes there, such as the statement mail, is
 * written exactly once; a batch whose announcement was lost to a crash is announced by the next run of the close).
 */
public record BatchClosed(UUID tenantId, UUID batchId, LocalDate businessDay, String currency, long netMinor) {}
