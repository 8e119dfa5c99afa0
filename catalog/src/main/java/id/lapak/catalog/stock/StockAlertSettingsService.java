package id.lapak.catalog.stock;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-store e-mail addresses for the low-stock e-mail, kept by merchant admins (used when no directory is wired). */
@Service
public class StockAlertSettingsService {

    public static final int MAX_RECIPIENTS = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");

    private final JdbcClient jdbc;
    private final StockScope scope;
    private final AuditLog auditLog;

    StockAlertSettingsService(JdbcClient jdbc, StockScope scope, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<String> recipients(UUID storeId) {
        StockScope.Stores stores = scope.require(storeId);
        return read(jdbc, stores.tenantId(), storeId);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<String> setRecipients(UUID storeId, List<String> emails) {
        StockScope.Stores stores = scope.require(storeId);
        Set<String> clean = new LinkedHashSet<>();
        for (String email : emails == null ? List.<String>of() : emails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            String e = email.strip().toLowerCase(Locale.ROOT);
            if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
                throw new StockException("stock.error.recipient.invalid");
            }
            clean.add(e);
        }
        if (clean.size() > MAX_RECIPIENTS) {
            throw new StockException("stock.error.recipient.tooMany");
        }
        List<String> before = read(jdbc, stores.tenantId(), storeId);
        jdbc.sql("delete from stock_alert_recipient where tenant_id = ? and store_id = ?")
                .params(stores.tenantId(), storeId)
                .update();
        for (String e : clean) {
            jdbc.sql("insert into stock_alert_recipient (tenant_id, store_id, email) values (?, ?, ?)")
                    .params(stores.tenantId(), storeId, e)
                    .update();
        }
        auditLog.record(AuditEvent.of("stock.alert_recipients_changed", "Store", storeId)
                .change("recipients", before.size(), clean.size()));
        return new ArrayList<>(clean);
    }

    static List<String> read(JdbcClient jdbc, UUID tenantId, UUID storeId) {
        return jdbc.sql("select email from stock_alert_recipient where tenant_id = ? and store_id = ? order by email")
                .params(tenantId, storeId)
                .query(String.class)
                .list();
    }
}
