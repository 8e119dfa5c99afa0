package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.lapak.billing.payout.PayoutAccountForm;
import id.lapak.billing.payout.PayoutAccountService;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.catalog.mail.MailOutboxSender;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.Await;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement of a closed batch and a payout account change reach the tenant's admin through the e-mail outbox:
 * decided while the SMTP server is down, retried, delivered once when it is back, the statement's PDF and CSV
 * attached, account numbers masked.
 */
@IntegrationTest
class SettlementMailIntegrationTest {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Autowired
    MailOutboxSender sender;

    @Autowired
    PayoutAccountService accounts;

    GreenMail smtp;

    @AfterEach
    void smtpDown() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theRunOfTheCloseQueuesNoStatementAndTheAnnouncementAfterItQueuesEachBatchOnce() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Umumkan");
        platform.run(
                "test setup: admin address",
                () -> jdbc.sql("update tenant set admin_email = ? where id = ?")
                        .params("pemilik-" + tenant + "@toko.id", tenant)
                        .update());
        UUID store = fixture.store(tenant, "Jakarta", "Asia/Jakarta");
        fixture.payoutAccount(tenant);
        Instant now = Instant.now();
        fixture.capturedSale(tenant, store, 250_000, now, now);

        // The close writes batches only: the statement waits for the announcement, outside the close's lock.
        SettlementCloser.Outcome outcome = closer.closeDue(now.plus(Duration.ofDays(2)));
        assertThat(outcome.failures()).isZero();
        assertThat(outcome.closedTenants()).contains(tenant);
        assertThat(statuses(tenant)).isEmpty();
        // The job then announces what the run closed (and what a stopped process closed but never announced), once.
        assertThat(closer.afterClose(outcome)).isPositive();
        assertThat(statuses(tenant)).hasSize(1);
        closer.announceClosed();
        assertThat(statuses(tenant)).hasSize(1);
    }

    @Test
    void theStatementDecidedWhileSmtpIsDownIsDeliveredOnceWithItsPdfAndCsvAndAnAccountChangeIsAnnounced()
            throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Surat");
        String admin = "pemilik-" + tenant + "@toko.id";
        platform.run(
                "test setup: admin address",
                () -> jdbc.sql("update tenant set admin_email = ? where id = ?")
                        .params(admin, tenant)
                        .update());
        UUID store = fixture.store(tenant, "Jakarta", "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 190, 150, 700, 1100);
        fixture.payoutAccount(tenant);
        Instant now = Instant.now();
        fixture.capturedSale(tenant, store, 1_234_567, now, now);

        closer.close(tenant, now.plus(Duration.ofDays(2))); // SMTP down: the quick attempt fails
        Await.until(() -> attempts(tenant) == 1);
        assertThat(statuses(tenant)).containsExactly("PENDING");

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sender.sendDue(Instant.now().plus(Duration.ofMinutes(2)));
        sender.sendDue(Instant.now().plus(Duration.ofHours(1))); // nothing twice
        assertThat(statuses(tenant)).containsExactly("SENT");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage statement = received[0];
        assertThat(statement.getAllRecipients()[0].toString()).isEqualTo(admin);
        assertThat(statement.getSubject()).startsWith("Laporan pencairan dana Lapak");
        List<String> files = new ArrayList<>();
        String pdfText = null;
        Multipart parts = (Multipart) statement.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                files.add(part.getFileName());
                if (part.getFileName().endsWith(".pdf")) {
                    byte[] pdf = part.getInputStream().readAllBytes();
                    pdfText = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
                }
            }
        }
        assertThat(files).hasSize(2).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".csv"));
        assertThat(pdfText).contains("Rp 1.234.567");

        var owner = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        TestUsers.as(
                owner, () -> accounts.change(new PayoutAccountForm("008", "Mandiri", "PT Toko Surat", "130001234567")));
        Await.until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage changed = smtp.getReceivedMessages()[1];
        assertThat(changed.getSubject()).isEqualTo("Rekening pencairan Lapak Anda telah diubah");
        String body = GreenMailUtil.getBody(changed);
        assertThat(body)
                .contains("Mandiri")
                .contains("4567")
                .doesNotContain("130001234567")
                .doesNotContain("1234567890");
        assertThat(Arrays.stream(changed.getAllRecipients()).map(Object::toString))
                .containsExactly(admin);
    }

    private int attempts(UUID tenant) {
        return platform.call(
                "test",
                () -> jdbc.sql("select coalesce(max(attempts), 0) from mail_outbox where tenant_id = ?")
                        .param(tenant)
                        .query(Integer.class)
                        .single());
    }

    private List<String> statuses(UUID tenant) {
        return platform.call(
                "test",
                () -> jdbc.sql("select status from mail_outbox where tenant_id = ? order by created_at")
                        .param(tenant)
                        .query(String.class)
                        .list());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
