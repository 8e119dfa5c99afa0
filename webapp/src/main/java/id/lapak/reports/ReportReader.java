package id.lapak.reports;

import id.lapak.reports.ReportSubscribers.Subscriber;
import id.lapak.reports.ScheduledReportSender.Subscription;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whom a scheduled report is built as (the subscriber, with no more than they may still see), and the building
 * signed in as them.
 */
final class ReportReader {

    private ReportReader() {}

    /**
     * Whom to build the report as: the role and stores of the subscription, narrowed to the stores the person may
     * still see. Empty when they are gone, disabled, without an address, or may see none of it.
     */
    static Optional<LapakUser> reader(Subscription subscription, Optional<Subscriber> person) {
        if (person.isEmpty()
                || !person.get().enabled()
                || person.get().email() == null
                || person.get().email().isBlank()
                || person.get().role() == null) {
            return Optional.empty();
        }
        Subscriber now = person.get();
        if (subscription.role() == Role.MERCHANT_ADMIN) {
            return now.role() == Role.MERCHANT_ADMIN
                    ? Optional.of(new Reader(subscription, Role.MERCHANT_ADMIN, Set.of()))
                    : Optional.empty();
        }
        Set<UUID> stores = new LinkedHashSet<>(subscription.storeIds());
        if (now.role() != Role.MERCHANT_ADMIN) {
            if (now.role() != Role.STORE_MANAGER) {
                return Optional.empty();
            }
            stores.retainAll(now.storeIds());
        }
        if (stores.isEmpty() || (subscription.storeId() != null && !stores.contains(subscription.storeId()))) {
            return Optional.empty();
        }
        return Optional.of(new Reader(subscription, Role.STORE_MANAGER, stores));
    }

    /** The subscriber as the report services see them while their report is built. */
    private record Reader(String subject, String username, UUID tenant, Set<Role> roles, Set<UUID> storeIds)
            implements LapakUser {

        Reader(Subscription subscription, Role role, Set<UUID> stores) {
            this(
                    subscription.subject(),
                    subscription.username(),
                    subscription.tenantId(),
                    Set.of(role),
                    Set.copyOf(stores));
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public Optional<UUID> tenantId() {
            return Optional.of(tenant);
        }
    }

    /** Runs {@code work} signed in as the subscriber, then restores whoever was signed in before. */
    static <T> T asReader(LapakUser reader, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                reader,
                null,
                reader.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
