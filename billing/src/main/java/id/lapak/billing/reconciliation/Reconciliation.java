package id.lapak.billing.reconciliation;

import id.lapak.billing.reconciliation.ReconciliationExceptionRows.NewException;
import id.lapak.billing.reconciliation.ReconciliationExceptionRows.Stored;
import id.lapak.billing.reconciliation.ReconciliationRows.Operation;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreScope;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciliation of the acquirer's settlement files against Lapak's payment operations. Merchant admins import and
 * act; store managers read the exceptions of their stores; support does everything for any tenant through the
 * platform path, audited in that tenant's chain; cashiers get nothing.
 *
 * <p>An import is parsed in full first (size limit enforced while streaming, every line checked), then written in
 * one transaction: a file refused for any line writes nothing. The same file again (same SHA-256) changes nothing;
 * a line whose acquirer reference and type were seen before is a duplicate; both are unique keys in the database.
 * Each line is matched to the tenant's succeeded operation with the same acquirer reference and kind, or becomes an
 * exception; operations up to the file's last booking that no line matches become "expected but missing" and age
 * day by day until a later file brings them or someone resolves them.
 */
@Service
@PreAuthorize("hasAnyRole('SUPPORT', 'MERCHANT_ADMIN', 'STORE_MANAGER')")
public class Reconciliation {

    public static final int REASON_MAX = 500;

    private final ReconciliationRows rows;
    private final ReconciliationExceptionRows exceptionRows;
    private final ReconciliationImport importer;
    private final PlatformAccess platform;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final long maxFileBytes;

    Reconciliation(
            ReconciliationRows rows,
            ReconciliationExceptionRows exceptionRows,
            ReconciliationImport importer,
            PlatformAccess platform,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${lapak.reconciliation.max-file-bytes:20971520}") long maxFileBytes) {
        this.rows = rows;
        this.exceptionRows = exceptionRows;
        this.importer = importer;
        this.platform = platform;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    // ---- who may do what ------------------------------------------------------------------------------------

    /** The tenant and stores a call works on. {@code stores} null: every store. */
    private record Scope(UUID tenant, Set<UUID> stores, boolean support, String actor) {}

    private enum Need {
        READ_EXCEPTIONS,
        ADMIN
    }

    private Scope scope(UUID tenantId, Need need) {
        LapakUser user = CurrentUser.require();
        String actor = Optional.ofNullable(user.displayName()).orElse(user.username());
        if (user.has(Role.SUPPORT)) {
            if (tenantId == null) {
                throw new IllegalArgumentException("Support names the tenant");
            }
            return new Scope(tenantId, null, true, actor);
        }
        UUID tenant = TenantContext.requireTenant();
        if (tenantId != null && !tenantId.equals(tenant)) {
            throw new AccessDeniedException("Another tenant's reconciliation");
        }
        if (user.has(Role.MERCHANT_ADMIN)) {
            return new Scope(tenant, null, false, actor);
        }
        if (need == Need.READ_EXCEPTIONS && user.has(Role.STORE_MANAGER)) {
            return new Scope(tenant, StoreScope.of(user).storeIds(), false, actor);
        }
        throw new AccessDeniedException("Reconciliation is for merchant admins (store managers read their stores)");
    }

    /** Runs {@code work} for the scope: in the tenant's transaction, or for support through the platform path. */
    private <T> T within(Scope scope, String purpose, boolean write, Supplier<T> work) {
        if (scope.support()) {
            return platform.call("support " + purpose + " of tenant " + scope.tenant(), work);
        }
        return (write ? transaction : readOnly).execute(s -> work.get());
    }

    /** Audited in the tenant's own chain, whoever acts (support included), so the merchant sees it. */
    private void audited(Scope scope, AuditEvent event) {
        audit.recordFor(scope.tenant(), scope.support() ? event.detail("via", "support") : event);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The tenant's imports, newest first (merchant admins and support). */
    public List<ImportSummary> imports(UUID tenantId, int limit) {
        Scope scope = scope(tenantId, Need.ADMIN);
        return within(
                scope,
                "reads reconciliation imports",
                false,
                () -> rows.imports(scope.tenant(), Math.max(1, Math.min(limit, 500))));
    }

    /** Exceptions, open ones first and oldest first; store managers see those of their stores only. */
    public Page<ExceptionItem> exceptions(UUID tenantId, boolean openOnly, Pageable pageable) {
        Scope scope = scope(tenantId, Need.READ_EXCEPTIONS);
        return within(scope, "reads reconciliation exceptions", false, () -> {
            ZoneId zone = ZoneId.of(rows.tenantZone(scope.tenant()));
            int size = pageable.isPaged() ? Math.min(pageable.getPageSize(), 500) : 500;
            long offset = pageable.isPaged() ? pageable.getOffset() : 0;
            List<ExceptionItem> items =
                    exceptionRows.exceptions(scope.tenant(), openOnly, scope.stores(), size, offset).stream()
                            .map(e -> item(e, zone))
                            .toList();
            long total = exceptionRows.countExceptions(scope.tenant(), openOnly, scope.stores());
            return new PageImpl<>(items, pageable, total);
        });
    }

    private ExceptionItem item(Stored e, ZoneId zone) {
        Currency currency = Currency.getInstance(e.currency());
        long age = ageDays(e.since(), e.resolvedAt() != null ? e.resolvedAt() : clock.instant(), zone);
        return new ExceptionItem(
                e.id(),
                e.kind(),
                e.open(),
                e.resolution(),
                e.reference(),
                e.expectedMinor() == null ? null : Money.of(e.expectedMinor(), currency),
                e.actualMinor() == null ? null : Money.of(e.actualMinor(), currency),
                e.since(),
                age,
                e.saleId(),
                e.storeId(),
                e.fileName(),
                e.lineNo(),
                e.reason(),
                e.resolvedBy(),
                e.resolvedAt());
    }

    /** Whole days from {@code since} to {@code until} as calendar days in {@code zone} (the tenant's). */
    static long ageDays(Instant since, Instant until, ZoneId zone) {
        return Math.max(
                0,
                ChronoUnit.DAYS.between(
                        since.atZone(zone).toLocalDate(), until.atZone(zone).toLocalDate()));
    }

    // ---- import -----------------------------------------------------------------------------------------------

    /**
     * Imports a settlement file for the tenant (null: the current one; support names it).
     *
     * @throws ReconciliationFileException for a file refused as a whole, naming the line; nothing is written
     */
    public ImportResult importFile(UUID tenantId, String fileName, FileFormat format, InputStream content) {
        Scope scope = scope(tenantId, Need.ADMIN);
        if (format == null || content == null) {
            throw new IllegalArgumentException("A file and its format are required");
        }
        UUID tenant = scope.tenant();
        String name = fileName == null || fileName.isBlank() ? "settlement.csv" : fileName.strip();
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        String currency = within(
                scope, "reads the currency for a reconciliation import", false, () -> rows.tenantCurrency(tenant));
        LimitedInput input = new LimitedInput(content, maxFileBytes);
        Reader reader = new InputStreamReader(
                input,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvRecords records = new CsvRecords(reader);
        List<AcquirerLine> lines = switch (format) {
            case SANDBOX -> SandboxFileReader.read(records, tenant, currency);
            case GENERIC -> GenericCsvReader.read(records, currency);
        };
        byte[] sha256 = input.sha256();
        Map<String, Integer> firstLineOf = new LinkedHashMap<>();
        lines.forEach(l -> firstLineOf.putIfAbsent(l.pspReference(), l.lineNo()));
        platform.call(
                        "reconciliation import: references of other tenants",
                        () -> rows.foreignReference(tenant, firstLineOf.keySet()))
                .ifPresent(reference -> {
                    throw new ReconciliationFileException("other_merchant", firstLineOf.get(reference), reference);
                });
        try {
            return within(
                    scope,
                    "imports a settlement file",
                    true,
                    () -> importer.store(
                            tenant,
                            scope.actor(),
                            shortName,
                            format,
                            sha256,
                            input.count(),
                            currency,
                            lines,
                            event -> audited(scope, event)));
        } catch (DuplicateKeyException e) {
            // The same file, or a line of it, imported at the same moment by someone else: nothing of this one.
            throw new ReconciliationFileException("import_in_progress", 0, null);
        }
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    /** The money of a missing line arrived another way (a bank statement, a separate transfer). */
    public void markReceived(UUID tenantId, UUID exceptionId, String reason) {
        act(tenantId, exceptionId, "marks a reconciliation exception received", (scope, e) -> {
            if (e.kind() != ExceptionKind.EXPECTED_MISSING) {
                throw new ReconciliationRefusedException("not_missing", "Only a missing line can be received");
            }
            String why = reason(reason, false);
            exceptionRows.resolve(scope.tenant(), e.id(), Resolution.RECEIVED, why, scope.actor(), clock.instant());
            return AuditEvent.of("reconciliation.received", "ReconciliationException", e.id())
                    .detail("reason", why);
        });
    }

    /** Closes an exception without a match, with a reason (1 to 500 characters). */
    public void writeOff(UUID tenantId, UUID exceptionId, String reason) {
        act(tenantId, exceptionId, "writes a reconciliation exception off", (scope, e) -> {
            String why = reason(reason, true);
            exceptionRows.resolve(scope.tenant(), e.id(), Resolution.WRITTEN_OFF, why, scope.actor(), clock.instant());
            return AuditEvent.of("reconciliation.written_off", "ReconciliationException", e.id())
                    .detail("reason", why);
        });
    }

    /**
     * Matches by hand: an unexpected line to the operation with the acquirer reference {@code reference} (as the
     * sale's timeline shows it), or a missing operation to the unexpected line with that reference. The amounts
     * are compared again: a difference becomes an amount mismatch.
     */
    public void link(UUID tenantId, UUID exceptionId, String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw new ReconciliationRefusedException("reference_required", "Name the reference to link to");
        }
        act(tenantId, exceptionId, "links a reconciliation exception by hand", (scope, e) -> {
            UUID tenant = scope.tenant();
            Stored lineException;
            Operation operation;
            if (e.kind() == ExceptionKind.UNEXPECTED) {
                lineException = e;
                ReconciliationRows.Line line =
                        rows.line(tenant, e.importId(), e.lineNo()).orElseThrow();
                operation = rows.operation(tenant, ref, line.type())
                        .orElseThrow(() ->
                                new ReconciliationRefusedException("no_such_operation", "No such payment operation"));
            } else if (e.kind() == ExceptionKind.EXPECTED_MISSING) {
                operation = rows.operation(tenant, e.operationId()).orElseThrow();
                lineException = exceptionRows
                        .openUnexpected(tenant, ref, operation.type())
                        .orElseThrow(() -> new ReconciliationRefusedException(
                                "no_such_line", "No unmatched line with that reference"));
            } else {
                throw new ReconciliationRefusedException("not_linkable", "Only missing and unexpected lines link");
            }
            if (operation.matched()) {
                throw new ReconciliationRefusedException("already_matched", "That operation is matched already");
            }
            ReconciliationRows.Line line = rows.line(tenant, lineException.importId(), lineException.lineNo())
                    .orElseThrow();
            if (!rows.link(tenant, line.importId(), line.lineNo(), operation.id())) {
                throw new ReconciliationRefusedException("already_matched", "That line is matched already");
            }
            Instant now = clock.instant();
            exceptionRows.resolve(tenant, lineException.id(), Resolution.LINKED, null, scope.actor(), now);
            exceptionRows.resolveMissing(tenant, List.of(operation.id()), Resolution.LINKED, scope.actor(), now);
            if (line.grossMinor() != operation.signedMinor()) {
                exceptionRows.insertExceptions(
                        tenant,
                        line.importId(),
                        List.of(new NewException(
                                UUID.randomUUID(),
                                ExceptionKind.AMOUNT_MISMATCH,
                                operation.id(),
                                line.lineNo(),
                                operation.storeId(),
                                line.pspReference(),
                                line.currency(),
                                operation.signedMinor(),
                                line.grossMinor(),
                                line.bookedAt())),
                        now);
            }
            return AuditEvent.of("reconciliation.linked", "ReconciliationException", e.id())
                    .detail("line", line.pspReference())
                    .detail("operation", operation.id())
                    .detail("sale", operation.saleId());
        });
    }

    private interface Action {
        AuditEvent apply(Scope scope, Stored exception);
    }

    private void act(UUID tenantId, UUID exceptionId, String purpose, Action action) {
        Scope scope = scope(tenantId, Need.ADMIN);
        within(scope, purpose, true, () -> {
            Stored e = exceptionRows
                    .lockException(scope.tenant(), exceptionId)
                    .orElseThrow(() -> new ReconciliationRefusedException("not_found", "No such exception"));
            if (!e.open()) {
                throw new ReconciliationRefusedException("resolved", "The exception is resolved already");
            }
            audited(scope, action.apply(scope, e));
            return null;
        });
    }

    private static String reason(String reason, boolean required) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            if (required) {
                throw new ReconciliationRefusedException("reason_required", "A reason is required");
            }
            return null;
        }
        if (r.length() > REASON_MAX) {
            throw new ReconciliationRefusedException("reason_too_long", "A reason is at most 500 characters");
        }
        return r;
    }
}
