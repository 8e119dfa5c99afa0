package id.lapak.reports;

import id.lapak.identity.TeamService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The subscribers as Keycloak knows them (a person still finishing their first login counts as not enabled). */
@Component
class KeycloakReportSubscribers implements ReportSubscribers {

    private final TeamService team;

    KeycloakReportSubscribers(TeamService team) {
        this.team = team;
    }

    @Override
    public Optional<Subscriber> find(UUID tenantId, String subject) {
        return team.membersOf(tenantId).stream()
                .filter(m -> m.id().equals(subject))
                .findFirst()
                .map(m -> new Subscriber(
                        m.id(), m.email(), m.role(), m.storeIds(), m.enabled() && !m.invitationPending()));
    }
}
