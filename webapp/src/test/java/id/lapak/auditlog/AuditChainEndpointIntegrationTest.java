package id.lapak.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditQuery;
import id.lapak.tenant.audit.AuditRecord;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /actuator/audit-chain}: closed to anyone who is not support staff, and it names the entry an owner edited
 * behind the application's back (here: a store change, which the store service audited).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(id.lapak.testing.SameSecurityContextStrategy.class)
class AuditChainEndpointIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    StoreService stores;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChainEndpoint endpoint;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anonymousCallersGetNoChainReport() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/audit-chain"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("chains");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoreChangeEditedByTheOwnerIsReportedAtThatEntry() throws Exception {
        Merchant merchant = TestMerchants.create(directory, stores, "Endpoint");
        var store = merchant.store();
        TestUsers.run(
                merchant.admin(),
                () -> stores.update(store.id(), store.version(), TestMerchants.store("Endpoint Renamed")));
        AuditRecord update = TestUsers.as(
                        merchant.admin(),
                        () -> audit.search(
                                new AuditQuery(null, null, "store.updated", null, null), PageRequest.of(0, 1)))
                .getFirst();
        assertThat(update.changes()).contains("Endpoint Renamed");
        assertThat(chain(merchant)).containsEntry("intact", true);

        try (Connection c = DriverManager.getConnection(url, "lapak_owner", "lapak_owner");
                Statement s = c.createStatement()) {
            s.execute("set app.platform = 'on'");
            s.execute("update audit_entry set changes = replace(changes, 'Renamed', 'Innocent') where id = '"
                    + update.id() + "'");
        }

        Map<String, Object> broken = chain(merchant);
        assertThat(broken)
                .containsEntry("intact", false)
                .containsEntry("firstBadEntryId", update.id().toString());
        assertThat((Boolean) endpoint.chains().get("intact")).isFalse();
        assertThat(TestUsers.as(
                        TestUsers.user(null, Set.of(), Role.SUPPORT),
                        () -> audit.count(new AuditQuery(merchant.tenant(), null, "store.", null, null))))
                .isEqualTo(2);
    }

    /** The endpoint's report for one tenant's chain, as the JSON would carry it. */
    private Map<String, Object> chain(Merchant merchant) {
        List<AuditChainEndpoint.Chain> chains =
                (List<AuditChainEndpoint.Chain>) endpoint.chains().get("chains");
        AuditChainEndpoint.Chain own = chains.stream()
                .filter(c -> merchant.tenant().toString().equals(c.tenantId()))
                .findFirst()
                .orElseThrow();
        return Map.of(
                "intact",
                own.intact(),
                "entries",
                own.entries(),
                "firstBadEntryId",
                own.firstBadEntryId() == null ? "" : own.firstBadEntryId());
    }
}
