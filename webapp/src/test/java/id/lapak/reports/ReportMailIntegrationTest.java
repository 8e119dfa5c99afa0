package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.mail.MailOutbox;
import id.lapak.reports.ReportSubscribers.Subscriber;
import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A report asked for by e-mail: queued in the outbox for the person's own address with the file attached, built as
 * that person (a store manager's copy holds only their stores), refused without an address and for a cashier.
 */
@IntegrationTest
class ReportMailIntegrationTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportTables tables;

    @Autowired
    MailOutbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReportMail service;

    @Test
    void theReportGoesToTheAskersOwnAddressWithTheirStoresOnly() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Surel");
        UUID jakarta = fixture.store(tenant, "Jakarta", WIB.getId());
        UUID bandung = fixture.store(tenant, "Bandung", WIB.getId());
        LocalDate day = LocalDate.now(WIB).minusDays(2);
        Instant noon = day.atTime(12, 0).atZone(WIB).toInstant();
        fixture.capturedSale(tenant, jakarta, 10_000, noon, noon);
        fixture.capturedSale(tenant, bandung, 50_000, noon, noon);
        TestUser manager = TestUsers.user(tenant, Set.of(jakarta), Role.STORE_MANAGER);
        TestUser nobody = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        Map<String, Subscriber> people = Map.of(
                manager.subject(),
                new Subscriber(manager.subject(), "manajer@toko.test", Role.STORE_MANAGER, Set.of(jakarta), true),
                nobody.subject(),
                new Subscriber(nobody.subject(), "", Role.MERCHANT_ADMIN, Set.of(), true));
        ReportMail mail = new ReportMail(
                tables,
                (t, subject) -> t.equals(tenant) ? Optional.ofNullable(people.get(subject)) : Optional.empty(),
                outbox,
                transactions,
                "Lapak <no-reply@lapak.test>",
                Runnable::run);
        ReportFilter filter = ReportFilter.days(day, day);

        ReportMail.Queued queued = TestUsers.as(
                manager, () -> mail.send(ReportKind.SUMMARY, filter, ReportFormat.CSV, Locale.ENGLISH, Map.of()));
        assertThat(queued.email()).isEqualTo("manajer@toko.test");
        UUID id = queued.mail().get(10, TimeUnit.SECONDS);
        List<String> row = platform.call(
                "test: read the outbox",
                () -> jdbc.sql("""
                        select m.kind, array_to_string(m.recipients, ','), m.subject, a.file_name,
                               convert_from(a.content, 'UTF8')
                        from mail_outbox m join mail_outbox_attachment a on a.tenant_id = m.tenant_id
                                                                       and a.mail_id = m.id
                        where m.tenant_id = ? and m.id = ?""")
                        .params(tenant, id)
                        .query((rs, n) -> List.of(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        .single());
        assertThat(row.get(0)).isEqualTo("REQUESTED_REPORT");
        assertThat(row.get(1)).isEqualTo("manajer@toko.test");
        assertThat(row.get(2)).startsWith("Sales summary");
        assertThat(row.get(3)).isEqualTo("summary-" + day + ".csv");
        assertThat(row.get(4)).as("Jakarta's sale only").contains("10000").doesNotContain("60000");
        assertThat(row.get(4).getBytes(StandardCharsets.UTF_8)).isNotEmpty();

        assertThatThrownBy(() -> TestUsers.as(
                        nobody,
                        () -> mail.send(ReportKind.SUMMARY, filter, ReportFormat.PDF, Locale.ENGLISH, Map.of())))
                .isInstanceOf(InvalidReportFilterException.class)
                .hasMessage("report.mailMe.noAddress");
        assertThatThrownBy(() -> TestUsers.as(
                        TestUsers.user(tenant, Set.of(jakarta), Role.CASHIER),
                        () -> service.send(ReportKind.SUMMARY, filter, ReportFormat.PDF, Locale.ENGLISH, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
