package id.lapak.catalog.items;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's items and their variants, and its security boundary: merchant admins change them, store managers and
 * cashiers read them (categories, tax categories, prices and images have their own services). Every change takes
 * the tenant's next catalog version (for the device feed), writes price history for every price it changes and an
 * audit entry, all in one transaction.
 */
@Service
public class CatalogService {

    static final String READERS = "hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER', 'CASHIER')";
    static final long MAX_PRICE_MINOR = 999_999_999_999L;
    private static final Set<String> SORTABLE = Set.of("name", "unit", "active", "createdAt", "updatedAt");

    private final ItemRepository items;
    private final VariantRepository variants;
    private final TaxCategoryService taxes;
    private final PriceHistory prices;
    private final ItemChecks checks;
    private final CatalogVersions versions;
    private final AuditLog auditLog;
    private final TenantDirectory tenants;

    CatalogService(
            ItemRepository items,
            VariantRepository variants,
            TaxCategoryService taxes,
            PriceHistory prices,
            ItemChecks checks,
            CatalogVersions versions,
            AuditLog auditLog,
            TenantDirectory tenants) {
        this.items = items;
        this.variants = variants;
        this.taxes = taxes;
        this.prices = prices;
        this.checks = checks;
        this.versions = versions;
        this.auditLog = auditLog;
        this.tenants = tenants;
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
        String pattern = search == null || search.isBlank()
                ? ""
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%";
        String exact = search == null ? "" : search.strip();
        Page<Item> page = items.search(
                pattern,
                exact,
                categoryId == null,
                categoryId == null ? new UUID(0, 0) : categoryId,
                active == null,
                active != null && active,
                safePageable(pageable));
        Map<UUID, List<Variant>> byItem = new HashMap<>();
        if (!page.isEmpty()) {
            for (Variant v :
                    variants.findByItemIdInAndDeletedFalse(page.map(Item::getId).getContent())) {
                byItem.computeIfAbsent(v.getItemId(), k -> new ArrayList<>()).add(v);
            }
        }
        return page.map(i -> ItemViews.summary(i, byItem.getOrDefault(i.getId(), List.of())));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ItemDetails get(UUID itemId) {
        Item item = visible(itemId);
        ItemDetails details =
                ItemViews.details(item, variants.findByItemIdAndDeletedFalseOrderByPosition(item.getId()));
        return seesCosts() ? details : ItemViews.withoutCosts(details);
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
            VariantSummary summary = ItemViews.summary((Variant) row[0], (Item) row[1]);
            result.put(summary.variantId(), summary);
        }
        return result;
    }

    /** Variants whose item name, variant name or SKU contains {@code search}, or whose barcode is it. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Page<VariantSummary> searchVariants(String search, Pageable pageable) {
        TenantContext.requireTenant();
        String pattern = search == null || search.isBlank()
                ? ""
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "") + "%";
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        Pageable safe = PageRequest.of(
                requested.getPageNumber(),
                Math.min(Math.max(requested.getPageSize(), 1), 500),
                Sort.by("i.name", "v.position"));
        return variants.searchWithItems(pattern, search == null ? "" : search.strip(), safe)
                .map(row -> ItemViews.summary((Variant) row[0], (Item) row[1]));
    }

    @Transactional(readOnly = true)
    public Optional<VariantSummary> findByBarcode(String barcode) {
        TenantContext.requireTenant();
        return variants.findByBarcode(barcode == null ? "" : barcode.strip())
                .flatMap(v -> items.findById(v.getItemId()).map(i -> ItemViews.summary(v, i)));
    }

    @Transactional(readOnly = true)
    public Optional<VariantSummary> findBySku(String sku) {
        TenantContext.requireTenant();
        return variants.findBySku(sku == null ? "" : sku.strip())
                .flatMap(v -> items.findById(v.getItemId()).map(i -> ItemViews.summary(v, i)));
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
        return checks.problems(form, existingItemId);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ItemDetails create(ItemForm form) {
        TenantContext.requireTenant();
        UUID standardTax = taxes.ensureTaxDefaults();
        checks.validate(form, null);
        return createItem(form, standardTax, "PORTAL");
    }

    /** Writes a validated new item with its variants, its price history and the audit entry. */
    ItemDetails createItem(ItemForm form, UUID standardTax, String source) {
        long version = versions.next();
        Item item = new Item(
                UUID.randomUUID(), form, form.taxCategoryId() == null ? standardTax : form.taxCategoryId(), version);
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
            prices.record(variant.getId(), null, null, variant.getPriceMinor(), source);
        }
        auditLog.record(AuditEvent.of("catalog.item_created", "CatalogItem", item.getId())
                .detail("name", item.getName())
                .detail("variants", created.size())
                .detail(
                        "skus",
                        String.join(",", created.stream().map(Variant::getSku).toList()))
                .detail("source", source));
        return ItemViews.details(item, created);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ItemDetails update(UUID itemId, long expectedVersion, ItemForm form) {
        TenantContext.requireTenant();
        UUID standardTax = taxes.ensureTaxDefaults();
        Item item = visible(itemId);
        if (item.getVersion() != expectedVersion) {
            throw new StaleItemException();
        }
        checks.validate(form, item.getId());
        return updateItem(item, form, standardTax, "PORTAL");
    }

    /** Applies a validated form to an item: variants by id, new ones added, missing ones deleted. */
    ItemDetails updateItem(Item item, ItemForm form, UUID standardTax, String source) {
        long version = versions.next();
        UUID taxId = form.taxCategoryId() == null ? standardTax : form.taxCategoryId();
        AuditEvent event = AuditEvent.of("catalog.item_updated", "CatalogItem", item.getId())
                .detail("source", source)
                .change("name", item.getName(), form.name().strip())
                .change("unit", item.getUnit(), form.unit().strip())
                .change("categoryId", item.getCategoryId(), form.categoryId())
                .change("taxCategoryId", item.getTaxCategoryId(), taxId)
                .change("active", item.isActive(), form.active());
        boolean activeChanged = item.isActive() != form.active();
        item.apply(form, taxId, version);
        VariantChanges changes = applyVariants(item, form, version, activeChanged, event);
        flush();
        for (PriceMove move : changes.prices()) {
            Variant variant = move.variant();
            prices.record(variant.getId(), null, move.before(), variant.getPriceMinor(), source);
            if (move.before() != null) {
                auditLog.record(AuditEvent.of("catalog.price_changed", "CatalogVariant", variant.getId())
                        .change("priceMinor", move.before(), variant.getPriceMinor())
                        .detail("sku", variant.getSku())
                        .detail("source", source));
            }
        }
        auditLog.record(changes.event());
        return ItemViews.details(item, changes.kept());
    }

    /** A variant whose catalog price a change set ({@code before} null: a new variant). */
    private record PriceMove(Variant variant, Long before) {}

    /** What applying a form did to an item's variants: the ones it keeps, their price moves, the audit entry. */
    private record VariantChanges(List<Variant> kept, List<PriceMove> prices, AuditEvent event) {}

    /** The form's variants by id onto the item's: new ones added, changed ones applied, missing ones deleted. */
    private VariantChanges applyVariants(
            Item item, ItemForm form, long version, boolean activeChanged, AuditEvent event) {
        List<Variant> existing = variants.findByItemIdAndDeletedFalseOrderByPosition(item.getId());
        Map<UUID, Variant> byId = new HashMap<>();
        existing.forEach(v -> byId.put(v.getId(), v));
        Set<UUID> named = new HashSet<>();
        List<Variant> kept = new ArrayList<>();
        List<PriceMove> moves = new ArrayList<>();
        for (VariantForm v : form.variants()) {
            Variant variant = v.id() == null ? null : byId.get(v.id());
            if (variant == null) {
                variant = new Variant(UUID.randomUUID(), item.getId(), v, kept.size(), version);
                variants.save(variant);
                moves.add(new PriceMove(variant, null));
                event = event.change("variant." + variant.getSku(), null, "added");
            } else {
                named.add(variant.getId());
                long before = variant.getPriceMinor();
                String skuBefore = variant.getSku();
                variant.apply(v, kept.size(), version);
                if (activeChanged) {
                    variant.touch(version);
                }
                event = event.change("variant." + skuBefore + ".sku", skuBefore, variant.getSku());
                if (before != variant.getPriceMinor()) {
                    moves.add(new PriceMove(variant, before));
                }
            }
            kept.add(variant);
        }
        for (Variant old :
                existing.stream().filter(old -> !named.contains(old.getId())).toList()) {
            old.delete(version);
            event = event.change("variant." + old.getSku(), "present", "deleted");
        }
        return new VariantChanges(kept, moves, event);
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
        auditLog.record(AuditEvent.of("catalog.item_deleted", "CatalogItem", itemId)
                .detail("name", item.getName())
                .detail(
                        "skus",
                        String.join(",", gone.stream().map(Variant::getSku).toList())));
    }

    // ---- helpers shared with the import

    void flush() {
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
        return items.findById(itemId)
                .filter(i -> !i.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("item", itemId));
    }

    /**
     * Cost prices tell a business's margins: merchant admins and store managers see them, a cashier reading the
     * catalog does not (the service leaves them out, so no page can show them by mistake).
     */
    private static boolean seesCosts() {
        return CurrentUser.find()
                .map(u -> u.has(Role.MERCHANT_ADMIN) || u.has(Role.STORE_MANAGER))
                .orElse(false);
    }

    static VariantSummary summary(Variant v, Item i) {
        return ItemViews.summary(v, i);
    }

    private static Pageable safePageable(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        int size = Math.min(Math.max(requested.getPageSize(), 1), 500);
        Sort sort = Sort.by(requested.getSort().stream()
                .filter(o -> SORTABLE.contains(o.getProperty()))
                .toList());
        return PageRequest.of(
                requested.getPageNumber(), size, sort.isSorted() ? sort.and(Sort.by("id")) : Sort.by("name", "id"));
    }
}
