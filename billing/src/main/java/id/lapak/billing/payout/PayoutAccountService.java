package id.lapak.billing.payout;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's payout account, kept by its merchant admin. The number is shown masked; a change deactivates the old
 * account (batches and payouts keep pointing at the one they were paid to), adds the new one and is audited with
 * both masked numbers, and announced ({@link PayoutAccountChanged}: the tenant's admin is e-mailed). Invalid fields are
 * refused with a message per field and nothing is saved.
 */
@Service
@PreAuthorize("hasRole('MERCHANT_ADMIN')")
public class PayoutAccountService {

    /** The account as pages show it. */
    public record PayoutAccountView(
            UUID id, String bankCode, String bankName, String holderName, String maskedNumber) {}

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PayoutAccountService(JdbcClient jdbc, AuditLog auditLog, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<PayoutAccountView> current() {
        return jdbc.sql("""
                        select id, bank_code, bank_name, holder_name, account_number from payout_account
                        where tenant_id = ? and active""")
                .param(TenantContext.requireTenant())
                .query((rs, n) -> new PayoutAccountView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        AccountNumbers.mask(rs.getString(5))))
                .optional();
    }

    /** Field → message key of every invalid field; empty when the form is valid. */
    public static Map<String, String> validate(PayoutAccountForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.bankCode() == null || !form.bankCode().strip().matches("[0-9]{3}")) {
            errors.put("bankCode", "payoutAccount.error.bankCode");
        }
        if (form.bankName() == null
                || form.bankName().isBlank()
                || form.bankName().strip().length() > 100) {
            errors.put("bankName", "payoutAccount.error.bankName");
        }
        if (form.holderName() == null
                || form.holderName().isBlank()
                || form.holderName().strip().length() > 140) {
            errors.put("holderName", "payoutAccount.error.holderName");
        }
        String number = form.accountNumber() == null ? "" : form.accountNumber().replaceAll("[\\s.-]", "");
        if (!number.matches("[0-9]{6,20}")) {
            errors.put("accountNumber", "payoutAccount.error.accountNumber");
        }
        return errors;
    }

    @Transactional
    public PayoutAccountView change(PayoutAccountForm form) {
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            throw new PayoutAccountRefused(errors);
        }
        UUID tenant = TenantContext.requireTenant();
        Optional<PayoutAccountView> before = current();
        jdbc.sql("update payout_account set active = false where tenant_id = ? and active")
                .param(tenant)
                .update();
        UUID id = UUID.randomUUID();
        String number = form.accountNumber().replaceAll("[\\s.-]", "");
        jdbc.sql("""
                        insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number,
                            active, created_at, created_by) values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(
                        tenant,
                        id,
                        form.bankCode().strip(),
                        form.bankName().strip(),
                        form.holderName().strip(),
                        number,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        CurrentUser.require().username())
                .update();
        PayoutAccountView after = new PayoutAccountView(
                id,
                form.bankCode().strip(),
                form.bankName().strip(),
                form.holderName().strip(),
                AccountNumbers.mask(number));
        auditLog.record(AuditEvent.of("payout_account.change", "PayoutAccount", id)
                .change("bank", before.map(PayoutAccountView::bankName).orElse(null), after.bankName())
                .change("holder", before.map(PayoutAccountView::holderName).orElse(null), after.holderName())
                .change("number", before.map(PayoutAccountView::maskedNumber).orElse(null), after.maskedNumber()));
        events.publishEvent(new PayoutAccountChanged(
                tenant,
                after.bankName(),
                after.holderName(),
                before.map(PayoutAccountView::maskedNumber).orElse(null),
                after.maskedNumber(),
                CurrentUser.require().username()));
        return after;
    }
}
