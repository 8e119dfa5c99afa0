package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.AuditQuery;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store and an item named like spreadsheet formulas reach every CSV Lapak writes — the settlement statement, the
 * audit export, the catalog export and the tenant export — and come out as text a spreadsheet will not run: each such
 * cell is quoted and starts with an apostrophe. Amounts stay numbers.
 */
@IntegrationTest
class HostileCsvCellsIntegrationTest {

    private static final String HOSTILE_STORE = "=HYPERLINK(\"http://evil.example\",\"Pusat\")";
    private static final String HOSTILE_ITEM = "+SUM(A1:A9)";
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Autowired
    SettlementService settlement;

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogTransfer transfer;

    @Autowired
    AuditLog audit;

    @Autowired
    TenantAdministration administration;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @Test
    void everyCsvExportNeutralisesFormulaCells() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Rumus");
        UUID store = fixture.store(tenant, HOSTILE_STORE, "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 200, 0, 0, 1100);
        fixture.payoutAccount(tenant);
        UUID sale = fixture.capturedSale(tenant, store, 50_000, at("2026-12-02T10:00"), at("2026-12-02T10:00"));
        fixture.refund(tenant, sale, 30_000, at("2026-12-02T11:00"));
        closer.close(tenant, at("2026-12-03T02:00"));
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        TestCatalog.variant(catalog, admin, HOSTILE_ITEM);

        UUID batch =
                TestUsers.as(admin, () -> settlement.batches(10)).getFirst().id();
        String statement = TestUsers.as(admin, () -> settlement.statementCsv(batch));
        assertNeutralised(statement, HOSTILE_STORE);
        assertThat(statement)
                .as("amounts stay numbers")
                .contains("refunds,30000\n")
                .contains(",REFUND,")
                .containsPattern(",-?30000,");

        ByteArrayOutputStream catalogCsv = new ByteArrayOutputStream();
        TestUsers.run(admin, () -> transfer.exportCsv(catalogCsv));
        assertNeutralised(catalogCsv.toString(StandardCharsets.UTF_8), HOSTILE_ITEM);

        ByteArrayOutputStream auditCsv = new ByteArrayOutputStream();
        TestUsers.run(admin, () -> audit.exportCsv(new AuditQuery(null, null, "catalog.", null, null), auditCsv));
        String auditText = auditCsv.toString(StandardCharsets.UTF_8);
        assertThat(auditText).contains("catalog.item_created");
        assertThat(auditText).doesNotContain("," + HOSTILE_ITEM);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TestUsers.run(TestUsers.user(null, Set.of(), Role.SUPPORT), () -> administration.export(tenant, zip));
        Map<String, String> files = unzip(zip.toByteArray());
        assertNeutralised(files.get("tables/store.csv"), HOSTILE_STORE);
        assertNeutralised(files.get("tables/catalog_item.csv"), HOSTILE_ITEM);
    }

    private static void assertNeutralised(String csv, String hostile) {
        assertThat(csv).as("the hostile text is in the file").contains(hostile.replace("\"", "\"\""));
        String quoted = "\"'" + hostile.replace("\"", "\"\"");
        assertThat(csv).as("as a quoted text cell starting with an apostrophe").contains(quoted);
        List<String> unguarded = csv.lines()
                .filter(line ->
                        line.startsWith(hostile.substring(0, 3)) || line.contains("," + hostile.substring(0, 3)))
                .toList();
        assertThat(unguarded).as("no cell starts with the formula").isEmpty();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
