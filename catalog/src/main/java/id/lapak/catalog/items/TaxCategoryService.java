package id.lapak.catalog.items;

import static id.lapak.catalog.items.CatalogService.READERS;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's tax categories (PPN at the store's rate, exempt, or a custom rate): everyone of the tenant reads
 * them, merchant admins change them; a tenant without any gets the Indonesian defaults on first use.
 */
@Service
public class TaxCategoryService {

    private final TaxCategoryRepository taxCategories;
    private final CatalogVersions versions;
    private final AuditLog auditLog;

    TaxCategoryService(TaxCategoryRepository taxCategories, CatalogVersions versions, AuditLog auditLog) {
        this.taxCategories = taxCategories;
        this.versions = versions;
        this.auditLog = auditLog;
    }

    /**
     * The tenant's tax categories. A tenant without any gets the Indonesian defaults first: PPN (the store's rate,
     * 11% by default) and tax-exempt.
     */
    @Transactional
    @PreAuthorize(READERS)
    public List<TaxCategoryDetails> taxCategories() {
        TenantContext.requireTenant();
        ensureTaxDefaults();
        return taxCategories.findByDeletedFalseOrderByName().stream()
                .map(TaxCategory::details)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TaxCategoryDetails saveTaxCategory(UUID id, String name, TaxKind kind, BigDecimal rate) {
        TenantContext.requireTenant();
        ensureTaxDefaults();
        List<CatalogProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            problems.add(new CatalogProblem("name", "catalog.error.name.required"));
        }
        if (kind == null) {
            problems.add(new CatalogProblem("kind", "catalog.error.tax.kind"));
        } else if (kind == TaxKind.CUSTOM
                && (rate == null
                        || rate.signum() < 0
                        || rate.compareTo(BigDecimal.valueOf(100)) > 0
                        || rate.scale() > 2)) {
            problems.add(new CatalogProblem("rate", "catalog.error.tax.rate"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        long version = versions.next();
        TaxCategory tax;
        TaxCategoryDetails before = null;
        if (id == null) {
            tax = new TaxCategory(UUID.randomUUID(), name, kind, rate, version);
        } else {
            tax = taxCategories
                    .findById(id)
                    .filter(t -> !t.isDeleted())
                    .orElseThrow(() -> new CatalogNotFoundException("tax category", id));
            before = tax.details();
            tax.apply(name, kind, rate, version);
        }
        try {
            taxCategories.saveAndFlush(tax);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("name", "catalog.error.tax.taken")));
        }
        TaxCategoryDetails after = tax.details();
        auditLog.record(AuditEvent.of(
                        id == null ? "catalog.tax_category_created" : "catalog.tax_category_updated",
                        "TaxCategory",
                        tax.getId())
                .change("name", before == null ? null : before.name(), after.name())
                .change("kind", before == null ? null : before.kind(), after.kind())
                .change("rate", before == null ? null : before.rate(), after.rate()));
        return after;
    }

    /** The tenant's standard (PPN) tax category, creating the defaults for a tenant that has none. */
    UUID ensureTaxDefaults() {
        List<TaxCategory> present = taxCategories.findAll();
        if (present.isEmpty()) {
            long version = versions.next();
            TaxCategory ppn = new TaxCategory(UUID.randomUUID(), "PPN", TaxKind.STANDARD, null, version);
            TaxCategory exempt = new TaxCategory(UUID.randomUUID(), "Bebas pajak", TaxKind.EXEMPT, null, version);
            taxCategories.save(ppn);
            taxCategories.save(exempt);
            taxCategories.flush();
            return ppn.getId();
        }
        return present.stream()
                .filter(t -> !t.isDeleted() && t.details().kind() == TaxKind.STANDARD)
                .map(TaxCategory::getId)
                .findFirst()
                .orElseGet(() -> present.stream()
                        .filter(t -> !t.isDeleted())
                        .map(TaxCategory::getId)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("The tenant has no tax category")));
    }
}
