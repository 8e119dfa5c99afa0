package id.lapak.billing.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.cardcrypto.carddata.CardData;
import id.lapak.testing.IntegrationTest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox acquirer as the application runs it: journal in PostgreSQL, written outside the caller's transaction. */
@IntegrationTest
class SandboxAcquirerIntegrationTest {

    @Autowired
    PaymentGateway gateway;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    SandboxControls controls;

    @Autowired
    SandboxSettlementFile settlementFile;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetControls() {
        controls.reset();
    }

    private static AuthorizationRequest request(String requestId, SandboxTestCard card, long amount) {
        return new AuthorizationRequest(
                requestId,
                "M-IT",
                "T-IT",
                CardData.of(card.pan(), "3012", null),
                card.brand(),
                EntryMode.CONTACTLESS,
                amount,
                "IDR",
                false,
                Instant.now());
    }

    @Test
    void theGatewayBeanIsTheSandboxAndItsJournalSurvivesARestart() throws Exception {
        assertThat(gateway).isSameAs(acquirer);
        // Other application contexts of the test run may share this database's journal, so the restart is compared
        // with a restart from just before this test's operations rather than with this context's memory.
        SandboxAcquirer.AccountBalance before = afterRestart(a -> a.balanceOf(SandboxTestCard.AMEX_APPROVED));
        Instant from = Instant.now().minusSeconds(1);
        String requestId = UUID.randomUUID().toString();
        AuthorizationResult auth = gateway.authorize(request(requestId, SandboxTestCard.AMEX_APPROVED, 12_345));
        assertThat(auth.approved()).isTrue();
        assertThat(gateway.capture(auth.gatewayReference(), 12_000, "IDR", requestId + "-capture")
                        .success())
                .isTrue();
        assertThat(gateway.authorize(request(UUID.randomUUID().toString(), SandboxTestCard.DO_NOT_HONOUR, 1))
                        .responseCode())
                .isEqualTo("05");

        List<JournalEntry> entries = settlementFile.entries(from, Instant.now().plusSeconds(1));
        assertThat(entries)
                .extracting(JournalEntry::operation)
                .contains(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.CAPTURE);
        JournalEntry authorization = entries.stream()
                .filter(e -> e.requestId().equals(requestId))
                .findFirst()
                .orElseThrow();
        assertThat(authorization.cardBin()).isEqualTo("378282");
        assertThat(authorization.cardLast4()).isEqualTo("0005");
        assertThat(authorization.approvedMinor()).isEqualTo(12_345);
        assertThat(settlementFile.csv(from, Instant.now().plusSeconds(1)))
                .contains("378282******0005")
                .contains(auth.gatewayReference());

        SandboxAcquirer.AccountBalance after = afterRestart(a -> a.balanceOf(SandboxTestCard.AMEX_APPROVED));
        assertThat(after.balanceMinor()).isEqualTo(before.balanceMinor() - 12_000);
        assertThat(after.heldMinor()).isEqualTo(before.heldMinor());
        AuthorizationResult replayed =
                afterRestart(a -> a.authorize(request(requestId, SandboxTestCard.AMEX_APPROVED, 12_345)));
        assertThat(replayed).isEqualTo(auth);
    }

    /** A second acquirer started over the same journal, as after a restart. */
    private <T> T afterRestart(java.util.function.Function<SandboxAcquirer, T> ask) throws Exception {
        JdbcSandboxJournal journal = new JdbcSandboxJournal(dataSource);
        try {
            SandboxAcquirer restarted = new SandboxAcquirer(
                    journal, controls, clock, "c2FuZGJveC1hY3F1aXJlci1hY2NvdW50LWtleS1kZXYtb25seQ==");
            restarted.afterSingletonsInstantiated();
            return ask.apply(restarted);
        } finally {
            journal.destroy();
        }
    }

    @Test
    void whatTheAcquirerDidStaysDoneWhenTheCallersTransactionRollsBack() {
        String requestId = UUID.randomUUID().toString();
        long heldBefore = acquirer.balanceOf(SandboxTestCard.UNIONPAY_APPROVED).heldMinor();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            gateway.authorize(request(requestId, SandboxTestCard.UNIONPAY_APPROVED, 777));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from sandbox_journal where request_id = ?")
                        .param(requestId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(acquirer.balanceOf(SandboxTestCard.UNIONPAY_APPROVED).heldMinor())
                .isEqualTo(heldBefore + 777);
        assertThat(gateway.reverse(requestId).success()).isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.UNIONPAY_APPROVED).heldMinor())
                .isEqualTo(heldBefore);
    }

    @Test
    void theApplicationRoleMayOnlyReadAndAppendTheJournal() throws SQLException {
        gateway.authorize(request(UUID.randomUUID().toString(), SandboxTestCard.GPN_APPROVED, 5));
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("lapak_app");
            assertThatThrownBy(() -> statement.executeUpdate("update sandbox_journal set amount_minor = 0"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from sandbox_journal"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void noCardNumberReachesTheJournalTable() {
        for (SandboxTestCard card : SandboxTestCard.values()) {
            try {
                gateway.authorize(request(UUID.randomUUID().toString(), card, 100));
            } catch (RuntimeException timeoutCard) {
                // the TIMEOUT card answers with an exception by design
            }
        }
        String table = String.join(
                "\n",
                jdbc.sql("select t::text from sandbox_journal t")
                        .query(String.class)
                        .list());
        for (SandboxTestCard card : SandboxTestCard.values()) {
            assertThat(table).doesNotContain(card.pan());
        }
    }
}
