package id.lapak.tenant.store;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which of the tenant's stores a person may see — the one rule every service uses: a merchant admin (and support
 * viewing as the tenant, who reads as one) every store; a store manager or a cashier the stores assigned to them; anyone
 * else none. What a person may <em>do</em> in a store is the role's business, checked by each service; this only
 * says where. A store outside the scope is "not found", never "forbidden", so ids of other stores reveal nothing.
 */
public final class StoreScope {

    private static final StoreScope ALL = new StoreScope(true, Set.of());
    private static final StoreScope NONE = new StoreScope(false, Set.of());

    private final boolean all;
    private final Set<UUID> stores;

    private StoreScope(boolean all, Set<UUID> stores) {
        this.all = all;
        this.stores = stores;
    }

    /** The scope of {@code user}; none for nobody. */
    public static StoreScope of(LapakUser user) {
        if (user == null) {
            return NONE;
        }
        if (user.has(Role.MERCHANT_ADMIN)) {
            return ALL;
        }
        if (user.has(Role.STORE_MANAGER) || user.has(Role.CASHIER)) {
            return only(user.storeIds());
        }
        return NONE;
    }

    /** The scope of the signed-in person. */
    public static StoreScope current() {
        return of(CurrentUser.require());
    }

    public static StoreScope all() {
        return ALL;
    }

    public static StoreScope only(Collection<UUID> storeIds) {
        return storeIds == null || storeIds.isEmpty() ? NONE : new StoreScope(false, Set.copyOf(storeIds));
    }

    /** Every store of the tenant. */
    public boolean isAll() {
        return all;
    }

    /** No store at all. */
    public boolean isEmpty() {
        return !all && stores.isEmpty();
    }

    public boolean allows(UUID storeId) {
        return storeId != null && (all || stores.contains(storeId));
    }

    /** The stores of a limited scope; empty for "every store" (ask {@link #isAll()} first). */
    public Set<UUID> storeIds() {
        return stores;
    }

    /** For queries where null means "no store filter": null for every store, else the allowed ids (maybe none). */
    public Set<UUID> filterOrNull() {
        return all ? null : stores;
    }

    /** The allowed ids as text for a SQL array parameter ({@code store_id = any(?::uuid[])}); empty for all. */
    public String[] sqlArray() {
        return stores.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** {@code storeId}, if the person may see it; otherwise the store is not found. */
    public UUID require(UUID storeId) {
        if (!allows(storeId)) {
            throw new StoreNotFoundException(storeId);
        }
        return storeId;
    }

    @Override
    public String toString() {
        return all ? "StoreScope[all]" : "StoreScope" + stores;
    }
}
