package id.lapak.billing.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A business day's batches, settlement postings and payouts of these tenants are written and their transaction is
 * about to commit (published inside it: a listener must be quick and must not fail; what takes time, such as the
 * statement mail, listens to {@link BatchClosed} instead, after the commit).
 */
public record DayWritten(LocalDate businessDay, List<UUID> tenants, int batches) {

    public DayWritten {
        tenants = List.copyOf(tenants);
    }
}
