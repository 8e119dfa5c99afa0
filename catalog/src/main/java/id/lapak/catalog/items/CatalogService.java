package id.lapak.catalog.items;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import id.lapak.tenant.store.StoreService;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of the current tenant, and its security boundary: merchant admins change it, store managers and
 * cashiers read it. Every change takes the tenant's next catalog version (for the device feed), writes price history
 * for every price it changes and an audit entry, all in one transaction.
 */
@Service
public class CatalogService {

    static final String READERS = "hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')";
    static final long MAX_PRICE_MINOR = 999_999_999_999L;
    private static final Set<String> SORTABLE = Set.of("name", "unit", "active", "createdAt", "updatedAt");

    private final ItemRepository items;
    private final VariantRepository variants;
    private final CategoryRepository categories;
    private final TaxCategoryRepository taxCategories;
    private final StoreVariantRepository storeVariants;
    private final CatalogVersions versions;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final StoreService stores;

    CatalogService(ItemRepository items, VariantRepository variants, CategoryRepository categories,
                   TaxCategoryRepository taxCategories, StoreVariantRepository storeVariants, CatalogVersions versions,
                   AuditLog auditLog, JdbcClient jdbc, TenantDirectory tenants, StoreService stores) {
        this.items = items;
        this.variants = variants;
        this.categories = categories;
        this.taxCategories = taxCategories;
        this.storeVariants = storeVariants;
        this.versions = versions;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.stores = stores;
    }

    // ---- reads

    /** The tenant's currency, in which every price of the catalog is kept. */
    @Transactional(readOnly = true)
    public Currency currency() {
        return tenants.current().currency();
    }

    /** The tenant's time zone, in which the portal shows when prices changed. */
    @Transactional(readOnly = true)
    public ZoneId timeZone() {
        return tenants.current().timeZone();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Page<ItemSummary> findItems(String search, UUID categoryId, Boolean active, Pageable pageable) {
        TenantContext.requireTenant();
        String pattern = search == null || search.isBlank() ? ""
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%";
        String exact = search == null ? "" : search.strip();
        Page<Item> page = items.search(pattern, exact, categoryId == null, categoryId == null ? new UUID(0, 0)
                : categoryId, active == null, active != null && active, safePageable(pageable));
        Map<UUID, List<Variant>> byItem = new HashMap<>();
        if (!page.isEmpty()) {
            for (Variant v : variants.findByItemIdInAndDeletedFalse(page.map(Item::getId).getContent())) {
                byItem.computeIfAbsent(v.getItemId(), k -> new ArrayList<>()).add(v);
            }
        }
        return page.map(i -> summary(i, byItem.getOrDefault(i.getId(), List.of())));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ItemDetails get(UUID itemId) {
        Item item = visible(itemId);
        ItemDetails details = details(item, variants.findByItemIdAndDeletedFalseOrderByPosition(item.getId()));
        return seesCosts() ? details : withoutCosts(details);
    }

    /**
     * Variants by id, for other modules (stock, sales): includes deleted variants (a sale or a stock movement may
     * name one), marked inactive. Needs a tenant, not a person: devices and jobs use it too.
     */
    @Transactional(readOnly = true)
    public Map<UUID, VariantSummary> variants(Collection<UUID> ids) {
        TenantContext.requireTenant();
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, VariantSummary> result = new LinkedHashMap<>();
        for (Object[] row : variants.findWithItems(Set.copyOf(ids))) {
            VariantSummary summary = summary((Variant) row[0], (Item) row[1]);
            result.put(summary.variantId(), summary);
        }
        return result;
    }

    /** Variants whose item name, variant name or SKU contains {@code search}, or whose barcode is it. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Page<VariantSummary> searchVariants(String search, Pageable pageable) {
        TenantContext.requireTenant();
        String pattern = search == null || search.isBlank() ? ""
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "") + "%";
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        Pageable safe = PageRequest.of(requested.getPageNumber(), Math.min(Math.max(requested.getPageSize(), 1), 500),
                Sort.by("i.name", "v.position"));
        return variants.searchWithItems(pattern, search == null ? "" : search.strip(), safe)
                .map(row -> summary((Variant) row[0], (Item) row[1]));
    }

    @Transactional(readOnly = true)
    public Optional<VariantSummary> findByBarcode(String barcode) {
        TenantContext.requireTenant();
        return variants.findByBarcode(barcode == null ? "" : barcode.strip())
                .flatMap(v -> items.findById(v.getItemId()).map(i -> summary(v, i)));
    }

    @Transactional(readOnly = true)
    public Optional<VariantSummary> findBySku(String sku) {
        TenantContext.requireTenant();
        return variants.findBySku(sku == null ? "" : sku.strip())
                .flatMap(v -> items.findById(v.getItemId()).map(i -> summary(v, i)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<CategoryDetails> categories() {
        TenantContext.requireTenant();
        return categories.findByDeletedFalseOrderByName().stream().map(Category::details).toList();
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
        return taxCategories.findByDeletedFalseOrderByName().stream().map(TaxCategory::details).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<PriceChange> priceHistory(UUID variantId) {
        UUID tenant = TenantContext.requireTenant();
        StoreScope scope = StoreScope.current();
        // Catalog prices (no store) for everyone; a store's own prices only within the person's stores.
        return jdbc.sql("""
                        select variant_id, store_id, old_price_minor, new_price_minor, changed_by, changed_at, source
                        from catalog_price_change where tenant_id = ? and variant_id = ?
                          and (store_id is null or ? or store_id = any(?::uuid[]))
                        order by changed_at desc, id limit 200""")
                .params(tenant, variantId, scope.isAll(), scope.sqlArray())
                .query((rs, n) -> new PriceChange(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<StoreOverride> storeOverrides(UUID variantId) {
        TenantContext.requireTenant();
        StoreScope scope = StoreScope.current();
        return storeVariants.findByVariant(variantId).stream().map(StoreVariant::details)
                .filter(override -> scope.allows(override.storeId())).toList();
    }

    // ---- changes

    /**
     * Every problem of a form without saving it: the portal asks when some amounts could not even be read, so that
     * the person sees all the form's problems at once rather than one group after another.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<CatalogProblem> check(ItemForm form, UUID existingItemId) {
        TenantContext.requireTenant();
        return problems(form, existingItemId);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ItemDetails create(ItemForm form) {
        TenantContext.requireTenant();
        UUID standardTax = ensureTaxDefaults();
        validate(form, null);
        return createItem(form, standardTax, "PORTAL");
    }

    /** Writes a validated new item with its variants, its price history and the audit entry. */
    ItemDetails createItem(ItemForm form, UUID standardTax, String source) {
        long version = versions.next();
        Item item = new Item(UUID.randomUUID(), form, form.taxCategoryId() == null ? standardTax
                : form.taxCategoryId(), version);
        items.save(item);
        List<Variant> created = new ArrayList<>();
        int position = 0;
        for (VariantForm v : form.variants()) {
            Variant variant = new Variant(UUID.randomUUID(), item.getId(), v, position++, version);
            variants.save(variant);
            created.add(variant);
        }
        flush();
        for (Variant variant : created) {
            recordPrice(variant.getId(), null, null, variant.getPriceMinor(), source);
        }
        auditLog.record(AuditEvent.of("catalog.item_created", "CatalogItem", item.getId())
                .detail("name", item.getName()).detail("variants", created.size())
                .detail("skus", String.join(",", created.stream().map(Variant::getSku).toList()))
                .detail("source", source));
        return details(item, created);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ItemDetails update(UUID itemId, long expectedVersion, ItemForm form) {
        TenantContext.requireTenant();
        UUID standardTax = ensureTaxDefaults();
        Item item = visible(itemId);
        if (item.getVersion() != expectedVersion) {
            throw new StaleItemException();
        }
        validate(form, item.getId());
        return updateItem(item, form, standardTax, "PORTAL");
    }

    /** Applies a validated form to an item: variants by id, new ones added, missing ones deleted. */
    ItemDetails updateItem(Item item, ItemForm form, UUID standardTax, String source) {
        long version = versions.next();
        AuditEvent event = AuditEvent.of("catalog.item_updated", "CatalogItem", item.getId())
                .detail("source", source);
        UUID taxId = form.taxCategoryId() == null ? standardTax : form.taxCategoryId();
        event = event.change("name", item.getName(), form.name().strip())
                .change("unit", item.getUnit(), form.unit().strip())
                .change("categoryId", item.getCategoryId(), form.categoryId())
                .change("taxCategoryId", item.getTaxCategoryId(), taxId)
                .change("active", item.isActive(), form.active());
        boolean wasActive = item.isActive();
        item.apply(form, taxId, version);
        List<Variant> existing = variants.findByItemIdAndDeletedFalseOrderByPosition(item.getId());
        Map<UUID, Variant> byId = new HashMap<>();
        existing.forEach(v -> byId.put(v.getId(), v));
        List<Variant> kept = new ArrayList<>();
        List<long[]> priceChanges = new ArrayList<>();
        List<Variant> priceChanged = new ArrayList<>();
        Set<UUID> named = new HashSet<>();
        int position = 0;
        for (VariantForm v : form.variants()) {
            Variant variant = v.id() == null ? null : byId.get(v.id());
            if (variant == null) {
                variant = new Variant(UUID.randomUUID(), item.getId(), v, position, version);
                variants.save(variant);
                priceChanges.add(new long[] {-1, variant.getPriceMinor()});
                priceChanged.add(variant);
                event = event.change("variant." + variant.getSku(), null, "added");
            } else {
                named.add(variant.getId());
                long before = variant.getPriceMinor();
                String skuBefore = variant.getSku();
                variant.apply(v, position, version);
                if (wasActive != item.isActive()) {
                    variant.touch(version);
                }
                event = event.change("variant." + skuBefore + ".sku", skuBefore, variant.getSku());
                if (before != variant.getPriceMinor()) {
                    priceChanges.add(new long[] {before, variant.getPriceMinor()});
                    priceChanged.add(variant);
                }
            }
            kept.add(variant);
            position++;
        }
        for (Variant old : existing) {
            if (!named.contains(old.getId())) {
                old.delete(version);
                event = event.change("variant." + old.getSku(), "present", "deleted");
            }
        }
        flush();
        for (int i = 0; i < priceChanged.size(); i++) {
            Variant variant = priceChanged.get(i);
            Long before = priceChanges.get(i)[0] < 0 ? null : priceChanges.get(i)[0];
            recordPrice(variant.getId(), null, before, variant.getPriceMinor(), source);
            if (before != null) {
                auditLog.record(AuditEvent.of("catalog.price_changed", "CatalogVariant", variant.getId())
                        .change("priceMinor", before, variant.getPriceMinor()).detail("sku", variant.getSku())
                        .detail("source", source));
            }
        }
        auditLog.record(event);
        return details(item, kept);
    }

    /** Changes only the catalog price of one variant (quick edit, bulk price updates). */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public VariantSummary changePrice(UUID variantId, long priceMinor) {
        TenantContext.requireTenant();
        if (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("priceMinor", "catalog.error.price.range")));
        }
        Variant variant = variants.findById(variantId).filter(v -> !v.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("variant", variantId));
        Item item = visible(variant.getItemId());
        long before = variant.getPriceMinor();
        if (before != priceMinor) {
            long version = versions.next();
            variant.apply(new VariantForm(variant.getId(), variant.getName(), variant.getSku(), variant.getBarcode(),
                    priceMinor, variant.getCostMinor(), variant.isActive()), variant.getPosition(), version);
            flush();
            recordPrice(variantId, null, before, priceMinor, "PORTAL");
            auditLog.record(AuditEvent.of("catalog.price_changed", "CatalogVariant", variantId)
                    .change("priceMinor", before, priceMinor).detail("sku", variant.getSku()));
        }
        return summary(variant, item);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void delete(UUID itemId) {
        TenantContext.requireTenant();
        Item item = visible(itemId);
        long version = versions.next();
        item.delete(version);
        List<Variant> gone = variants.findByItemIdAndDeletedFalseOrderByPosition(item.getId());
        gone.forEach(v -> v.delete(version));
        flush();
        auditLog.record(AuditEvent.of("catalog.item_deleted", "CatalogItem", itemId).detail("name", item.getName())
                .detail("skus", String.join(",", gone.stream().map(Variant::getSku).toList())));
    }

    /**
     * A store's own price ({@code null}: the catalog price) and availability for a variant. Back to the catalog price
     * and available removes the override.
     */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public Optional<StoreOverride> setStoreOverride(UUID storeId, UUID variantId, Long priceMinor, boolean available) {
        TenantContext.requireTenant();
        stores.get(storeId);
        if (priceMinor != null && (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR)) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("priceMinor", "catalog.error.price.range")));
        }
        Variant variant = variants.findById(variantId).filter(v -> !v.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("variant", variantId));
        StoreVariant.Key key = new StoreVariant.Key(storeId, variantId);
        Optional<StoreVariant> found = storeVariants.findById(key);
        Long before = found.filter(s -> !s.isDeleted()).map(StoreVariant::getPriceMinor).orElse(null);
        boolean availableBefore = found.filter(s -> !s.isDeleted()).map(StoreVariant::isAvailable).orElse(true);
        if (Objects.equals(before, priceMinor) && availableBefore == available) {
            return found.filter(s -> !s.isDeleted()).map(StoreVariant::details);
        }
        long version = versions.next();
        StoreVariant row = found.orElseGet(() -> new StoreVariant(key));
        if (priceMinor == null && available) {
            row.clear(version);
        } else {
            row.apply(priceMinor, available, version);
        }
        storeVariants.save(row);
        flush();
        if (!Objects.equals(before, priceMinor)) {
            recordPrice(variantId, storeId, before, priceMinor, "PORTAL");
        }
        auditLog.record(AuditEvent.of("catalog.store_price_changed", "CatalogVariant", variantId)
                .change("priceMinor", before, priceMinor).change("available", availableBefore, available)
                .detail("storeId", storeId).detail("sku", variant.getSku()));
        return row.isDeleted() ? Optional.empty() : Optional.of(row.details());
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
            category = categories.findById(id).filter(c -> !c.isDeleted())
                    .orElseThrow(() -> new CatalogNotFoundException("category", id));
            before = category.details().name();
            category.apply(name, parentId, version);
        }
        try {
            categories.saveAndFlush(category);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("name", "catalog.error.category.taken")));
        }
        auditLog.record(AuditEvent.of(id == null ? "catalog.category_created" : "catalog.category_updated",
                "CatalogCategory", category.getId()).change("name", before, category.details().name())
                .detail("parentId", parentId));
        return category.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void deleteCategory(UUID id) {
        TenantContext.requireTenant();
        Category category = categories.findById(id).filter(c -> !c.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("category", id));
        if (items.existsByCategoryIdAndDeletedFalse(id) || categories.existsByParentIdAndDeletedFalse(id)) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("category", "catalog.error.category.used")));
        }
        category.delete(versions.next());
        flush();
        auditLog.record(AuditEvent.of("catalog.category_deleted", "CatalogCategory", id)
                .detail("name", category.details().name()));
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
        } else if (kind == TaxKind.CUSTOM && (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0
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
            tax = taxCategories.findById(id).filter(t -> !t.isDeleted())
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
        auditLog.record(AuditEvent.of(id == null ? "catalog.tax_category_created" : "catalog.tax_category_updated",
                        "TaxCategory", tax.getId())
                .change("name", before == null ? null : before.name(), after.name())
                .change("kind", before == null ? null : before.kind(), after.kind())
                .change("rate", before == null ? null : before.rate(), after.rate()));
        return after;
    }

    // ---- images

    /** An item's image: PNG, JPEG or WebP (recognised by its first bytes, not its name), at most 512 KB. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void setImage(UUID itemId, byte[] data) {
        UUID tenant = TenantContext.requireTenant();
        Item item = visible(itemId);
        String type = ItemImage.contentType(data);
        long version = versions.next();
        jdbc.sql("""
                        insert into catalog_item_image (tenant_id, item_id, content_type, data, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, item_id) do update
                        set content_type = excluded.content_type, data = excluded.data,
                            updated_at = excluded.updated_at""")
                .params(tenant, itemId, type, data, Timestamp.from(Instant.now()))
                .update();
        item.imageChanged(true, version);
        flush();
        auditLog.record(AuditEvent.of("catalog.image_changed", "CatalogItem", itemId).detail("contentType", type)
                .detail("bytes", data.length));
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void removeImage(UUID itemId) {
        UUID tenant = TenantContext.requireTenant();
        Item item = visible(itemId);
        int removed = jdbc.sql("delete from catalog_item_image where tenant_id = ? and item_id = ?")
                .params(tenant, itemId).update();
        if (removed > 0) {
            item.imageChanged(false, versions.next());
            flush();
            auditLog.record(AuditEvent.of("catalog.image_removed", "CatalogItem", itemId));
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Optional<ItemImage> image(UUID itemId) {
        UUID tenant = TenantContext.requireTenant();
        return jdbc.sql("select content_type, data from catalog_item_image where tenant_id = ? and item_id = ?")
                .params(tenant, itemId)
                .query((rs, n) -> new ItemImage(rs.getString(1), rs.getBytes(2)))
                .optional();
    }

    // ---- helpers shared with the import

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
        return present.stream().filter(t -> !t.isDeleted() && t.details().kind() == TaxKind.STANDARD)
                .map(TaxCategory::getId).findFirst()
                .orElseGet(() -> present.stream().filter(t -> !t.isDeleted()).map(TaxCategory::getId).findFirst()
                        .orElseThrow(() -> new IllegalStateException("The tenant has no tax category")));
    }

    void recordPrice(UUID variantId, UUID storeId, Long before, Long after, String source) {
        jdbc.sql("""
                        insert into catalog_price_change (tenant_id, id, variant_id, store_id, old_price_minor,
                            new_price_minor, changed_by, changed_at, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant(), UUID.randomUUID(), variantId, storeId, before, after,
                        CurrentUser.find().map(u -> u.username()).orElse("system"), Timestamp.from(Instant.now()),
                        source)
                .update();
    }

    /** Checks an item form against itself and the tenant's catalog; throws with every problem found. */
    void validate(ItemForm form, UUID existingItemId) {
        List<CatalogProblem> problems = problems(form, existingItemId);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
    }

    /** Every problem of an item form, against itself and the tenant's catalog. */
    List<CatalogProblem> problems(ItemForm form, UUID existingItemId) {
        List<CatalogProblem> problems = ItemRules.problems(form);
        if (form != null && form.categoryId() != null
                && categories.findById(form.categoryId()).filter(c -> !c.isDeleted()).isEmpty()) {
            problems.add(new CatalogProblem("categoryId", "catalog.error.category.unknown"));
        }
        if (form != null && form.taxCategoryId() != null
                && taxCategories.findById(form.taxCategoryId()).filter(t -> !t.isDeleted()).isEmpty()) {
            problems.add(new CatalogProblem("taxCategoryId", "catalog.error.tax.unknown"));
        }
        if (form != null) {
            Set<UUID> own = new HashSet<>();
            if (existingItemId != null) {
                variants.findByItemIdAndDeletedFalseOrderByPosition(existingItemId).forEach(v -> own.add(v.getId()));
            }
            List<String> skus = form.variants().stream().filter(v -> v.sku() != null && !v.sku().isBlank())
                    .map(v -> v.sku().strip().toLowerCase(Locale.ROOT)).toList();
            List<String> barcodes = form.variants().stream().filter(v -> v.barcode() != null && !v.barcode().isBlank())
                    .map(v -> v.barcode().strip()).toList();
            Set<String> takenSkus = new HashSet<>();
            Set<String> takenBarcodes = new HashSet<>();
            if (!skus.isEmpty()) {
                variants.findBySkus(skus).stream().filter(v -> !own.contains(v.getId()))
                        .forEach(v -> takenSkus.add(v.getSku().toLowerCase(Locale.ROOT)));
            }
            if (!barcodes.isEmpty()) {
                variants.findByBarcodes(barcodes).stream().filter(v -> !own.contains(v.getId()))
                        .forEach(v -> takenBarcodes.add(v.getBarcode()));
            }
            for (int i = 0; i < form.variants().size(); i++) {
                VariantForm v = form.variants().get(i);
                if (v.sku() != null && takenSkus.contains(v.sku().strip().toLowerCase(Locale.ROOT))) {
                    problems.add(new CatalogProblem("variants[" + i + "].sku", "catalog.error.sku.taken"));
                }
                if (v.barcode() != null && takenBarcodes.contains(v.barcode().strip())) {
                    problems.add(new CatalogProblem("variants[" + i + "].barcode", "catalog.error.barcode.taken"));
                }
                if (v.id() != null && !own.contains(v.id())) {
                    problems.add(new CatalogProblem("variants[" + i + "]", "catalog.error.variant.unknown"));
                }
            }
        }
        return problems;
    }

    private void flush() {
        try {
            items.flush();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("sku", "catalog.error.sku.taken")));
        }
    }

    Item visible(UUID itemId) {
        TenantContext.requireTenant();
        if (itemId == null) {
            throw new CatalogNotFoundException("item", null);
        }
        return items.findById(itemId).filter(i -> !i.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("item", itemId));
    }

    private static ItemDetails details(Item item, List<Variant> variants) {
        return new ItemDetails(item.getId(), item.getName(), item.getDescription(), item.getCategoryId(),
                item.getTaxCategoryId(), item.getUnit(), item.isActive(), item.hasImage(), item.getVersion(),
                variants.stream().map(Variant::details).toList(), item.getCreatedAt(), item.getUpdatedAt());
    }

    /**
     * Cost prices tell a business's margins: merchant admins and store managers see them, a cashier reading the
     * catalog does not (the service leaves them out, so no page can show them by mistake).
     */
    private static boolean seesCosts() {
        return CurrentUser.find().map(u -> u.has(Role.MERCHANT_ADMIN) || u.has(Role.STORE_MANAGER)).orElse(false);
    }

    private static ItemDetails withoutCosts(ItemDetails d) {
        return new ItemDetails(d.id(), d.name(), d.description(), d.categoryId(), d.taxCategoryId(), d.unit(),
                d.active(), d.hasImage(), d.version(), d.variants().stream()
                .map(v -> new VariantDetails(v.id(), v.itemId(), v.name(), v.sku(), v.barcode(), v.priceMinor(), null,
                        v.active(), v.position()))
                .toList(), d.createdAt(), d.updatedAt());
    }

    private static ItemSummary summary(Item item, List<Variant> variants) {
        long min = variants.stream().mapToLong(Variant::getPriceMinor).min().orElse(0);
        long max = variants.stream().mapToLong(Variant::getPriceMinor).max().orElse(0);
        String skus = String.join(", ", variants.stream().map(Variant::getSku).sorted().limit(5).toList());
        return new ItemSummary(item.getId(), item.getName(), item.getCategoryId(), item.getUnit(), item.isActive(),
                variants.size(), min, max, skus);
    }

    static VariantSummary summary(Variant v, Item i) {
        String name = v.getName() == null || v.getName().isBlank() ? i.getName() : i.getName() + " (" + v.getName() + ")";
        return new VariantSummary(v.getId(), v.getItemId(), v.getSku(), v.getBarcode(), name, v.getPriceMinor(),
                v.isActive() && i.isActive() && !v.isDeleted() && !i.isDeleted());
    }

    private static Pageable safePageable(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        int size = Math.min(Math.max(requested.getPageSize(), 1), 500);
        Sort sort = Sort.by(requested.getSort().stream().filter(o -> SORTABLE.contains(o.getProperty())).toList());
        return PageRequest.of(requested.getPageNumber(), size, sort.isSorted() ? sort.and(Sort.by("id"))
                : Sort.by("name", "id"));
    }
}
