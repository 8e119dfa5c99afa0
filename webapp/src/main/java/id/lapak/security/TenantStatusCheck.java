package id.lapak.security;

import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.TenantStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in person's tenant is suspended, asked on every portal request. Answers are kept for a few
 * seconds; a suspension made on this node drops its answer at once, on other nodes it takes at most {@link #FRESH}.
 */
@Component
class TenantStatusCheck {

    static final Duration FRESH = Duration.ofSeconds(5);

    private record Answer(boolean suspended, Instant at) {}

    private final TenantDirectory tenants;
    private final Clock clock;
    private final Map<UUID, Answer> answers = new ConcurrentHashMap<>();

    TenantStatusCheck(TenantDirectory tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    boolean suspended(UUID tenantId) {
        Instant now = clock.instant();
        Answer answer = answers.get(tenantId);
        if (answer == null || answer.at().plus(FRESH).isBefore(now)) {
            boolean suspended = tenants.findForLogin(tenantId)
                    .map(TenantDetails::status)
                    .map(TenantStatus.SUSPENDED::equals)
                    .orElse(true);
            answer = new Answer(suspended, now);
            answers.put(tenantId, answer);
        }
        return answer.suspended();
    }

    @EventListener
    void on(TenantStatusChanged event) {
        answers.remove(event.tenantId());
    }
}
