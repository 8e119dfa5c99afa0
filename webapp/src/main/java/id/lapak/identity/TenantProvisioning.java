package id.lapak.identity;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantOnboarding;
import id.lapak.tenant.TenantPlan;
import id.lapak.tenant.access.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support onboards a merchant: the tenant is written first as PROVISIONING (committed, so it is never lost), then
 * its Keycloak group and first merchant admin are created. Success makes it ACTIVE; if Keycloak is down or refuses,
 * the half-done Keycloak work is undone and the tenant is PROVISIONING_FAILED with the reason, where support sees
 * it and retries. No tenant is ever ACTIVE without its admin, and no admin exists without its tenant row.
 */
@Service
public class TenantProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

    /** The tenant as it now stands and, when provisioning worked, its admin's invitation (shown once). */
    public record Result(TenantOnboarding tenant, Optional<Invitation> adminInvitation) {

        public boolean provisioned() {
            return adminInvitation.isPresent();
        }
    }

    private final TenantDirectory tenants;
    private final Identities identities;

    TenantProvisioning(TenantDirectory tenants, Identities identities) {
        this.tenants = tenants;
        this.identities = identities;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public Result create(TenantRequest request) {
        List<TeamChangeRefused> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        NewTenant tenant = new NewTenant(
                UUID.randomUUID(),
                request.name().strip(),
                request.legalName().strip(),
                request.normalisedCountry(),
                request.currency(),
                request.timeZone());
        TenantOnboarding opened = tenants.openForOnboarding(
                tenant,
                request.normalisedTaxId(),
                request.plan() == null ? TenantPlan.STARTER : request.plan(),
                request.adminEmail().strip().toLowerCase(Locale.ROOT),
                (request.adminFirstName().strip() + " "
                                + request.adminLastName().strip())
                        .strip());
        return provision(
                opened,
                request.adminFirstName().strip(),
                request.adminLastName().strip());
    }

    /** Tries again for a tenant whose provisioning failed (or never finished); reuses what Keycloak already has. */
    @PreAuthorize("hasRole('SUPPORT')")
    public Result retry(UUID tenantId) {
        TenantOnboarding tenant = tenants.onboarding(tenantId)
                .filter(TenantOnboarding::needsProvisioning)
                .orElseThrow(() -> new TeamChangeRefused(null, "onboarding.error.notRetryable"));
        TenantOnboarding retrying = tenants.markRetrying(tenantId);
        String name = tenant.adminName() == null ? "" : tenant.adminName();
        int space = name.lastIndexOf(' ');
        String first = space > 0 ? name.substring(0, space) : name;
        String last = space > 0 ? name.substring(space + 1) : name;
        return provision(retrying, first, last);
    }

    /** Tenants still waiting for their Keycloak admin, for support's list. */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantOnboarding> awaitingProvisioning() {
        return tenants.awaitingProvisioning();
    }

    private Result provision(TenantOnboarding tenant, String firstName, String lastName) {
        Invitation invitation;
        try {
            invitation = identities.createPerson(
                    tenant.id(),
                    tenant.name(),
                    tenant.adminEmail(),
                    firstName,
                    lastName,
                    Role.MERCHANT_ADMIN,
                    List.of());
        } catch (KeycloakUnavailableException e) {
            log.warn("Provisioning tenant {} failed: {}", tenant.id(), e.getMessage());
            return new Result(tenants.markProvisioningFailed(tenant.id(), e.getMessage()), Optional.empty());
        } catch (TeamChangeRefused e) {
            log.warn("Provisioning tenant {} refused: {}", tenant.id(), e.messageKey());
            return new Result(tenants.markProvisioningFailed(tenant.id(), e.messageKey()), Optional.empty());
        }
        return new Result(tenants.markProvisioned(tenant.id()), Optional.of(invitation));
    }
}
