package id.lapak.tenant.store;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stores of the current tenant. This is the security boundary: merchant admins see and change every store,
 * store managers see only their own stores, cashiers and support staff get nothing, whatever the view shows.
 */
@Service
public class StoreService {

    private static final Set<String> SORTABLE = Set.of("name", "city", "active", "createdAt");

    private final StoreRepository stores;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    StoreService(StoreRepository stores, ApplicationEventPublisher events, AuditLog audit) {
        this.stores = stores;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<StoreDetails> find(String search, Pageable pageable) {
        TenantContext.requireTenant();
        String pattern =
                search == null || search.isBlank() ? "" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        Pageable safe = safePageable(pageable);
        LapakUser user = CurrentUser.require();
        StoreScope scope = StoreScope.of(user);
        Page<Store> page = scope.isAll()
                ? stores.search(pattern, safe)
                : scope.isEmpty() ? Page.empty(safe) : stores.searchWithin(scope.storeIds(), pattern, safe);
        return page.map(Store::details);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StoreDetails get(UUID id) {
        return visible(id).details();
    }

    /** A paired device reads its own store (the caller passes the device's store, loaded in the same tenant). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DEVICE')")
    public StoreDetails getForDevice(UUID id) {
        TenantContext.requireTenant();
        return stores.findById(id).map(Store::details).orElseThrow(() -> new StoreNotFoundException(id));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public StoreCounts counts() {
        TenantContext.requireTenant();
        LapakUser user = CurrentUser.require();
        if (user.has(Role.MERCHANT_ADMIN)) {
            return new StoreCounts(stores.countByActive(true), stores.countByActive(false));
        }
        List<Store> own = stores.findAllById(StoreScope.of(user).storeIds());
        long active = own.stream().filter(s -> s.details().active()).count();
        return new StoreCounts(active, own.size() - active);
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public StoreDetails create(StoreForm form) {
        UUID tenantId = TenantContext.requireTenant();
        validate(form, null);
        Store store;
        try {
            store = stores.saveAndFlush(new Store(UUID.randomUUID(), form));
        } catch (DataIntegrityViolationException e) {
            throw new InvalidStoreException(List.of(new StoreProblem("name", "store.error.name.taken")));
        }
        events.publishEvent(
                new StoreCreated(tenantId, store.getId(), CurrentUser.require().username()));
        audit.record(changes(AuditEvent.of("store.created", "Store", store.getId()), null, store.details()));
        return store.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public StoreDetails update(UUID id, long expectedVersion, StoreForm form) {
        UUID tenantId = TenantContext.requireTenant();
        Store store = visible(id);
        if (store.getVersion() != expectedVersion) {
            throw new StaleStoreException();
        }
        validate(form, id);
        StoreDetails before = store.details();
        store.apply(form);
        try {
            stores.saveAndFlush(store);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidStoreException(List.of(new StoreProblem("name", "store.error.name.taken")));
        }
        events.publishEvent(new StoreChanged(tenantId, id, CurrentUser.require().username(), "updated"));
        audit.record(changes(AuditEvent.of("store.updated", "Store", id), before, store.details()));
        return store.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public StoreDetails deactivate(UUID id) {
        Store store = visible(id);
        boolean wasActive = store.details().active();
        store.deactivate();
        audit.record(AuditEvent.of("store.deactivated", "Store", id).change("active", wasActive, false));
        events.publishEvent(new StoreChanged(
                TenantContext.requireTenant(), id, CurrentUser.require().username(), "deactivated"));
        return store.details();
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public StoreDetails reactivate(UUID id) {
        Store store = visible(id);
        boolean wasActive = store.details().active();
        store.reactivate();
        audit.record(AuditEvent.of("store.reactivated", "Store", id).change("active", wasActive, true));
        events.publishEvent(new StoreChanged(
                TenantContext.requireTenant(), id, CurrentUser.require().username(), "reactivated"));
        return store.details();
    }

    /** The fields a person can change, before and after (null before: a new store). */
    private static AuditEvent changes(AuditEvent event, StoreDetails before, StoreDetails after) {
        return event.change("name", before == null ? null : before.name(), after.name())
                .change("address", before == null ? null : before.address(), after.address())
                .change("city", before == null ? null : before.city(), after.city())
                .change("timeZone", before == null ? null : before.timeZone(), after.timeZone())
                .change("currency", before == null ? null : before.currency(), after.currency())
                .change("taxRegistered", before == null ? null : before.taxRegistered(), after.taxRegistered())
                .change(
                        "taxRate",
                        before == null ? null : before.taxRate().toPlainString(),
                        after.taxRate().toPlainString())
                .change("pricesIncludeTax", before == null ? null : before.pricesIncludeTax(), after.pricesIncludeTax())
                .change("active", before == null ? null : before.active(), after.active());
    }

    /** A store id from outside (a URL, a crafted request) resolves only within the tenant and the user's scope. */
    private Store visible(UUID id) {
        TenantContext.requireTenant();
        LapakUser user = CurrentUser.require();
        StoreScope.of(user).require(id);
        return stores.findById(id).orElseThrow(() -> new StoreNotFoundException(id));
    }

    private void validate(StoreForm form, UUID existingId) {
        if (form == null) {
            throw new InvalidStoreException(List.of(new StoreProblem("name", "store.error.name.required")));
        }
        List<StoreProblem> problems = new ArrayList<>(form.problems());
        if (problems.stream().noneMatch(p -> p.field().equals("name"))) {
            String name = form.name().strip();
            boolean taken = existingId == null
                    ? stores.existsByNameIgnoreCase(name)
                    : stores.existsByNameIgnoreCaseAndIdNot(name, existingId);
            if (taken) {
                problems.add(new StoreProblem("name", "store.error.name.taken"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidStoreException(problems);
        }
    }

    private static Pageable safePageable(Pageable pageable) {
        Pageable requested = pageable == null ? PageRequest.of(0, 50) : pageable;
        int size = Math.min(Math.max(requested.getPageSize(), 1), 500);
        Sort sort = Sort.by(requested.getSort().stream()
                .filter(o -> SORTABLE.contains(o.getProperty()))
                .toList());
        return PageRequest.of(requested.getPageNumber(), size, sort.isSorted() ? sort : Sort.by("name"));
    }
}
