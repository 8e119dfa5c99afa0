package id.lapak.catalog.items;

import static id.lapak.catalog.items.CatalogService.READERS;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's categories (two levels: a category and its sub-categories): everyone of the tenant reads them,
 * merchant admins change them; every change takes a catalog version and is audited.
 */
@Service
public class CategoryService {

    private final CategoryRepository categories;
    private final ItemRepository items;
    private final CatalogVersions versions;
    private final AuditLog auditLog;

    CategoryService(CategoryRepository categories, ItemRepository items, CatalogVersions versions, AuditLog auditLog) {
        this.categories = categories;
        this.items = items;
        this.versions = versions;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<CategoryDetails> categories() {
        TenantContext.requireTenant();
        return categories.findByDeletedFalseOrderByName().stream()
                .map(Category::details)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public CategoryDetails saveCategory(UUID id, String name, UUID parentId) {
        TenantContext.requireTenant();
        List<CatalogProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new CatalogProblem("name", "catalog.error.name.required"));
        } else if (name.strip().length() > 80) {
            problems.add(new CatalogProblem("name", "catalog.error.name.long"));
        }
        if (parentId != null) {
            Optional<Category> parent = categories.findById(parentId).filter(c -> !c.isDeleted());
            if (parent.isEmpty() || parent.get().getParentId() != null || parentId.equals(id)) {
                problems.add(new CatalogProblem("parentId", "catalog.error.category.parent"));
            } else if (id != null && categories.existsByParentIdAndDeletedFalse(id)) {
                problems.add(new CatalogProblem("parentId", "catalog.error.category.parent"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        long version = versions.next();
        Category category;
        String before = null;
        if (id == null) {
            category = new Category(UUID.randomUUID(), name, parentId, version);
        } else {
            category = categories
                    .findById(id)
                    .filter(c -> !c.isDeleted())
                    .orElseThrow(() -> new CatalogNotFoundException("category", id));
            before = category.details().name();
            category.apply(name, parentId, version);
        }
        try {
            categories.saveAndFlush(category);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("name", "catalog.error.category.taken")));
        }
        auditLog.record(AuditEvent.of(
                        id == null ? "catalog.category_created" : "catalog.category_updated",
                        "CatalogCategory",
                        category.getId())
                .change("name", before, category.details().name())
                .detail("parentId", parentId));
        return category.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void deleteCategory(UUID id) {
        TenantContext.requireTenant();
        Category category = categories
                .findById(id)
                .filter(c -> !c.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("category", id));
        if (items.existsByCategoryIdAndDeletedFalse(id) || categories.existsByParentIdAndDeletedFalse(id)) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("category", "catalog.error.category.used")));
        }
        category.delete(versions.next());
        categories.flush();
        auditLog.record(AuditEvent.of("catalog.category_deleted", "CatalogCategory", id)
                .detail("name", category.details().name()));
    }
}
