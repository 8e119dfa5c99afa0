package id.lapak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantOnboarding;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With Keycloak not answering at all (the test configuration points at a port nobody listens on), onboarding never
 * leaves an ACTIVE tenant without its admin: the tenant is PROVISIONING_FAILED, audited, and visible for a retry.
 */
@IntegrationTest
class KeycloakDownIntegrationTest {

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    final TestUsers.TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);

    @Test
    void tenantIsCreatedInAVisibleFailedStateAndNeverActive() {
        TenantProvisioning.Result result = TestUsers.as(
                support,
                () -> provisioning.create(OnboardingRequests.request(
                        "Toko Mati Lampu",
                        "admin-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.id")));

        assertThat(result.provisioned()).isFalse();
        TenantOnboarding tenant = result.tenant();
        assertThat(tenant.status()).isEqualTo(TenantStatus.PROVISIONING_FAILED);
        assertThat(tenant.provisioningError()).contains("unreachable").doesNotContain("secret");
        assertThat(tenants.findForLogin(tenant.id()))
                .get()
                .satisfies(d -> assertThat(d.active()).isFalse());
        assertThat(TestUsers.as(support, () -> provisioning.awaitingProvisioning()))
                .extracting(TenantOnboarding::id)
                .contains(tenant.id());

        // A retry while Keycloak is still down fails the same way and stays visible.
        TenantProvisioning.Result retried = TestUsers.as(support, () -> provisioning.retry(tenant.id()));
        assertThat(retried.tenant().status()).isEqualTo(TenantStatus.PROVISIONING_FAILED);

        assertThat(auditLog.verify(tenant.id()).intact()).isTrue();
        assertThat(actions(tenant.id()))
                .containsExactly("tenant.created", "tenant.provisioning_failed", "tenant.provisioning_failed");
    }

    java.util.List<String> actions(java.util.UUID tenantId) {
        return id.lapak.tenant.context.TenantContext.callAs(
                tenantId,
                () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                        .execute(s -> jdbc.sql("select action from audit_entry where tenant_id = ? order by seq")
                                .param(tenantId)
                                .query(String.class)
                                .list()));
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
}
