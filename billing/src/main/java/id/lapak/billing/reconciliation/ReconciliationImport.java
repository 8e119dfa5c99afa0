package id.lapak.billing.reconciliation;

import id.lapak.billing.gateway.sandbox.SandboxFeeSchedule;
import id.lapak.billing.reconciliation.ReconciliationExceptionRows.NewException;
import id.lapak.billing.reconciliation.ReconciliationRows.Operation;
import id.lapak.tenant.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Stores a parsed settlement file in the caller's transaction: the import, its lines matched to the tenant's
 * operations, the exceptions they raise, and the operations up to the file's last booking that no line brought.
 */
@Component
class ReconciliationImport {

    private final ReconciliationRows rows;
    private final ReconciliationExceptionRows exceptionRows;
    private final Clock clock;

    ReconciliationImport(ReconciliationRows rows, ReconciliationExceptionRows exceptionRows, Clock clock) {
        this.rows = rows;
        this.exceptionRows = exceptionRows;
        this.clock = clock;
    }

    /** What matching the lines of a file found. */
    private static final class Matching {
        final Map<Integer, UUID> operationOf = new HashMap<>();
        final Set<Integer> duplicates = new HashSet<>();
        final List<NewException> exceptions = new ArrayList<>();
        int matched = 0;
        Instant coverage = null;
    }

    /**
     * Stores the file for {@code tenant}, imported by {@code actor}; the same file again (same SHA-256) changes
     * nothing. {@code audited} records the import's audit event.
     */
    ImportResult store(
            UUID tenant,
            String actor,
            String fileName,
            FileFormat format,
            byte[] sha256,
            long bytes,
            String currency,
            List<AcquirerLine> lines,
            Consumer<AuditEvent> audited) {
        Optional<ImportSummary> before = rows.importByHash(tenant, sha256);
        if (before.isPresent()) {
            ImportSummary s = before.get();
            return new ImportResult(s.id(), true, s.lines(), s.matched(), s.exceptions());
        }
        Instant now = clock.instant();
        Matching matching = match(tenant, lines, Currency.getInstance(currency));
        List<NewException> missing = missing(tenant, matching);
        UUID importId = UUID.randomUUID();
        rows.insertImport(
                tenant,
                importId,
                fileName,
                format,
                sha256,
                bytes,
                currency,
                lines.size(),
                matching.matched,
                matching.exceptions.size() + missing.size(),
                now,
                actor);
        rows.insertLines(tenant, importId, lines, matching.operationOf, matching.duplicates);
        List<NewException> all = new ArrayList<>(matching.exceptions);
        all.addAll(missing);
        exceptionRows.insertExceptions(tenant, importId, all, now);
        int arrived =
                exceptionRows.resolveMissing(tenant, matching.operationOf.values(), Resolution.ARRIVED, actor, now);
        audited.accept(AuditEvent.of("reconciliation.imported", "SettlementFile", importId)
                .detail("fileName", fileName)
                .detail("format", format)
                .detail("lines", lines.size())
                .detail("matched", matching.matched)
                .detail("exceptions", all.size())
                .detail("arrived", arrived));
        return new ImportResult(importId, false, lines.size(), matching.matched, all.size());
    }

    /** Each line against the operation with its reference and type: matched, a duplicate, or an exception. */
    private Matching match(UUID tenant, List<AcquirerLine> lines, Currency money) {
        Set<String> references = new HashSet<>();
        lines.forEach(l -> references.add(l.pspReference()));
        Set<String> seen = rows.existingLineKeys(tenant, references);
        Map<String, Operation> operations = rows.operations(tenant, references);
        Matching matching = new Matching();
        List<NewException> exceptions = matching.exceptions;
        for (AcquirerLine line : lines) {
            Instant coverage = matching.coverage;
            matching.coverage = coverage == null || line.bookedAt().isAfter(coverage) ? line.bookedAt() : coverage;
            String key = line.pspReference() + "/" + line.type();
            if (!seen.add(key)) {
                matching.duplicates.add(line.lineNo());
                exceptions.add(lineException(ExceptionKind.DUPLICATE, line, null, null, line.grossMinor()));
                continue;
            }
            Operation operation = operations.get(key);
            if (operation == null || operation.matched()) {
                exceptions.add(lineException(ExceptionKind.UNEXPECTED, line, null, null, line.grossMinor()));
                continue;
            }
            matching.operationOf.put(line.lineNo(), operation.id());
            int found = exceptions.size();
            exceptions.addAll(differences(line, operation, money));
            if (exceptions.size() == found) {
                matching.matched++;
            }
        }
        return matching;
    }

    /** Operations up to the file's last booking that no line matches: "expected but missing". */
    private List<NewException> missing(UUID tenant, Matching matching) {
        if (matching.coverage == null) {
            return List.of();
        }
        return rows
                .unmatchedWithoutException(tenant, matching.coverage, Set.copyOf(matching.operationOf.values()))
                .stream()
                .map(o -> new NewException(
                        UUID.randomUUID(),
                        ExceptionKind.EXPECTED_MISSING,
                        o.id(),
                        null,
                        o.storeId(),
                        o.reference(),
                        o.currency(),
                        o.signedMinor(),
                        null,
                        o.completedAt()))
                .toList();
    }

    /** Amount and fee of a line against its operation: an exception for each that differs. */
    private List<NewException> differences(AcquirerLine line, Operation operation, Currency currency) {
        List<NewException> found = new ArrayList<>();
        if (line.grossMinor() != operation.signedMinor()) {
            found.add(lineException(
                    ExceptionKind.AMOUNT_MISMATCH, line, operation, operation.signedMinor(), line.grossMinor()));
        }
        long fee = SandboxFeeSchedule.commission(
                        line.type().name(), operation.brand(), Math.abs(line.grossMinor()), currency)
                .minor();
        if (line.commissionMinor() != fee) {
            found.add(lineException(ExceptionKind.FEE_MISMATCH, line, operation, fee, line.commissionMinor()));
        }
        return found;
    }

    private static NewException lineException(
            ExceptionKind kind, AcquirerLine line, Operation operation, Long expected, long actual) {
        return new NewException(
                UUID.randomUUID(),
                kind,
                operation == null ? null : operation.id(),
                line.lineNo(),
                operation == null ? null : operation.storeId(),
                line.pspReference(),
                line.currency(),
                expected,
                actual,
                line.bookedAt());
    }
}
