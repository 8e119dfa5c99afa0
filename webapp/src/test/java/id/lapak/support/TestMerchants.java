package id.lapak.support;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;

import id.lapak.support.TestUsers.TestUser;
import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreService;

/** A fresh tenant with its merchant admin and one store, the starting point of most device tests. */
public final class TestMerchants {

    public record Merchant(UUID tenant, TestUser admin, StoreDetails store) {
    }

    private TestMerchants() {
    }

    public static Merchant create(TenantDirectory tenants, StoreService stores, String name) {
        UUID tenant = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(tenant, name + " " + tenant, "PT " + name, "ID", null, null),
                "test setup");
        TestUser admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        StoreDetails store = TestUsers.as(admin, () -> stores.create(store(name + " Pusat")));
        return new Merchant(tenant, admin, store);
    }

    public static StoreForm store(String name) {
        return new StoreForm(name, "Jl. Satu 1", "Jakarta", ZoneId.of("Asia/Jakarta"), Currency.getInstance("IDR"),
                true, new BigDecimal("11.00"), true);
    }
}
