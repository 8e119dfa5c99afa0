package id.lapak.billing.settlement;

import java.util.List;
import java.util.UUID;

/**
 * A run of the close of day has ended and closed at least one day of these tenants (published after their
 * transactions committed, once per run, so what follows a close for every tenant, such as signing their audit chains,
 * is done once for the run).
 */
public record DaysClosed(List<UUID> tenants) {

    public DaysClosed {
        tenants = List.copyOf(tenants);
    }
}
