package id.lapak.settlement;

import id.lapak.billing.payout.PayoutAccountChanged;
import id.lapak.billing.settlement.BatchClosed;
import id.lapak.billing.settlement.BatchStatementFiles;
import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.mail.TenantAdmins;
import id.lapak.mail.Translations;
import id.lapak.tenant.money.Money;
import java.text.MessageFormat;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Settlement e-mails to the tenant's admins ({@link TenantAdmins}), through the e-mail outbox and
 * in the transaction that decided them, so a rolled-back close sends nothing and an SMTP server that is down only
 * delays them: a closed batch's statement (PDF and CSV attached) and a change of payout account (numbers masked).
 * Written in the tenant's language (Indonesian for a tenant in Indonesia, English otherwise). Without an SMTP host or
 * an admin address nothing is queued.
 */
@Component
class SettlementMailer {

    private static final Logger log = LoggerFactory.getLogger(SettlementMailer.class);

    private final MailOutbox outbox;
    private final BatchStatementFiles statements;
    private final TenantAdmins admins;
    private final String from;

    SettlementMailer(
            MailOutbox outbox,
            BatchStatementFiles statements,
            TenantAdmins admins,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.outbox = outbox;
        this.statements = statements;
        this.admins = admins;
        this.from = from;
    }

    @EventListener
    void batchClosed(BatchClosed closed) {
        TenantAdmins.Recipients admin =
                outbox.available() ? admins.of(closed.tenantId()).orElse(null) : null;
        if (admin == null) {
            return;
        }
        Function<String, String> t = Translations.of(admin.locale());
        BatchStatementFiles.Files files = statements.of(closed.batchId(), admin.locale(), t);
        String day = closed.businessDay().toString();
        String net = Money.of(closed.netMinor(), closed.currency()).format(admin.locale());
        outbox.enqueue(
                MailKind.SETTLEMENT_STATEMENT,
                from,
                admin.emails(),
                MessageFormat.format(t.apply("settlementMail.statement.subject"), day, net),
                MessageFormat.format(t.apply("settlementMail.statement.body"), day, net),
                false,
                List.of(
                        new MailOutbox.Attachment("statement-" + day + ".pdf", "application/pdf", files.pdf()),
                        new MailOutbox.Attachment("statement-" + day + ".csv", "text/csv", files.csv())));
        log.info("Statement of batch {} queued for the tenant's admins", closed.batchId());
    }

    @EventListener
    void payoutAccountChanged(PayoutAccountChanged changed) {
        TenantAdmins.Recipients admin =
                outbox.available() ? admins.of(changed.tenantId()).orElse(null) : null;
        if (admin == null) {
            return;
        }
        Function<String, String> t = Translations.of(admin.locale());
        outbox.enqueue(
                MailKind.PAYOUT_ACCOUNT_CHANGED,
                from,
                admin.emails(),
                t.apply("settlementMail.account.subject"),
                MessageFormat.format(
                        t.apply("settlementMail.account.body"),
                        changed.bankName(),
                        changed.holderName(),
                        changed.maskedAfter(),
                        changed.maskedBefore() == null ? "-" : changed.maskedBefore(),
                        changed.changedBy()),
                false);
    }
}
