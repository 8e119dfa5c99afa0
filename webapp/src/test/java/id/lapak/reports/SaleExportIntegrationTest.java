package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The streamed export of every sale: the store's local days, the person's stores, a row per sale. */
@IntegrationTest
class SaleExportIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SaleExport export;

    @Test
    void everySaleOfTheStoresLocalDaysOneRowEachWithinThePersonsStores() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Ekspor Penjualan");
        UUID wib = fixture.store(tenant, "Barat", "Asia/Jakarta");
        UUID wit = fixture.store(tenant, "Timur", "Asia/Jayapura");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(5);
        for (int i = 0; i < 1_500; i++) {
            Instant at = day.atTime(8, 0)
                    .atZone(ZoneId.of("Asia/Jakarta"))
                    .toInstant()
                    .plusSeconds(i * 20L);
            UUID sale = fixture.capturedSale(tenant, i % 3 == 0 ? wit : wib, 10_000 + i, at, at);
            if (i == 0) {
                fixture.reportedBy(tenant, sale, "K-07", "Sari", 1_250L);
            }
        }
        // 23:30 in Jakarta the day before: another day, not exported.
        Instant before = day.minusDays(1)
                .atTime(23, 30)
                .atZone(ZoneId.of("Asia/Jakarta"))
                .toInstant();
        fixture.capturedSale(tenant, wib, 99_999, before, before);
        ReportFilter filter = ReportFilter.days(day, day);

        StringWriter all = new StringWriter();
        long rows = TestUsers.as(
                TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN), () -> export.write(filter, all, key -> key));
        List<String> lines = all.toString().lines().toList();
        assertThat(rows).isEqualTo(1_500);
        assertThat(lines).hasSize(1_501);
        assertThat(all.toString()).doesNotContain("99999");
        // The first sale: 08:00 in Jakarta, written in its own store's time, 10:00 in Jayapura.
        assertThat(lines.get(1)).startsWith(day + " 10:00:00,Timur");
        assertThat(lines.get(1))
                .as("the cashier and the discount the device reported")
                .contains(",Sari (K-07),");
        assertThat(lines.get(1)).contains(",10000,1250,");
        assertThat(lines.get(2))
                .as("a sale that named no cashier")
                .contains(",,")
                .contains(",10001,0,");
        StringWriter sari = new StringWriter();
        assertThat(TestUsers.as(
                        TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN),
                        () -> export.write(filter.withCashier("K-07"), sari, key -> key)))
                .isEqualTo(1);

        StringWriter mine = new StringWriter();
        long managerRows = TestUsers.as(
                TestUsers.user(tenant, Set.of(wit), Role.STORE_MANAGER), () -> export.write(filter, mine, key -> key));
        assertThat(managerRows).isEqualTo(500);
        assertThat(mine.toString()).doesNotContain("Barat");
    }
}
