package id.lapak.identity;

import id.lapak.catalog.stock.ConfiguredStoreManagerDirectory;
import id.lapak.catalog.stock.StoreManagerDirectory;
import id.lapak.tenant.access.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The low-stock e-mail goes to the store's managers as Keycloak knows them (enabled people with the store manager
 * role whose store scope includes the store, who have finished their first login) and to the extra addresses a
 * merchant admin keeps in the stock settings. When Keycloak cannot be asked, the stock settings' addresses alone are
 * used, so an alert is never held up by the identity provider.
 */
@Component
class KeycloakStoreManagerDirectory implements StoreManagerDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakStoreManagerDirectory.class);

    private final TeamService team;
    private final ConfiguredStoreManagerDirectory configured;

    KeycloakStoreManagerDirectory(TeamService team, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.team = team;
        this.configured = new ConfiguredStoreManagerDirectory(jdbc, transactions);
    }

    @Override
    public List<String> managerEmails(UUID tenantId, UUID storeId) {
        Set<String> emails = new LinkedHashSet<>();
        try {
            team.membersOf(tenantId).stream()
                    .filter(m -> m.enabled()
                            && !m.invitationPending()
                            && m.role() == Role.STORE_MANAGER
                            && m.storeIds().contains(storeId)
                            && m.email() != null)
                    .forEach(m -> emails.add(m.email()));
        } catch (KeycloakUnavailableException e) {
            log.warn(
                    "Store managers of store {} could not be read from Keycloak ({}); using the stock settings' "
                            + "addresses only",
                    storeId,
                    e.getMessage());
        }
        emails.addAll(configured.managerEmails(tenantId, storeId));
        return List.copyOf(emails);
    }
}
