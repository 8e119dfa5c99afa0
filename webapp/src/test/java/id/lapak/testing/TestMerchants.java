package id.lapak.testing;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers.TestUser;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;

/** A fresh tenant with its merchant admin and one store, the starting point of most device tests. */
public final class TestMerchants {

    public record Merchant(UUID tenant, TestUser admin, StoreDetails store) {}

    private TestMerchants() {}

    public static Merchant create(TenantDirectory tenants, StoreService stores, String name) {
        UUID tenant = UUID.randomUUID();
        tenants.createIfMissing(
                new NewTenant(tenant, name + " " + tenant, "PT " + name, "ID", null, null), "test setup");
        TestUser admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        StoreDetails store = TestUsers.as(admin, () -> stores.create(store(name + " Pusat")));
        return new Merchant(tenant, admin, store);
    }

    /** A simulated device paired over HTTP with a code the admin made for the store. */
    public static id.lapak.simulator.DeviceClient pairSimulator(
            id.lapak.device.pairing.PairingCodes codes, id.lapak.tenant.access.LapakUser admin, UUID storeId, int port)
            throws java.io.IOException {
        String code = TestUsers.as(admin, () -> codes.create(storeId, null)).displayCode();
        var device = new id.lapak.simulator.DeviceClient(
                java.net.URI.create("http://localhost:" + port),
                new id.lapak.simulator.DeviceHome(java.nio.file.Files.createTempDirectory("lapak-device")));
        device.pair(
                code,
                new id.lapak.simulator.DeviceFacts(
                        "Sunmi V2", "SN-" + UUID.randomUUID(), "Android 14", "1.2.0", "R1", "RD-1"));
        return device;
    }

    public static StoreForm store(String name) {
        return new StoreForm(
                name,
                "Jl. Satu 1",
                "Jakarta",
                ZoneId.of("Asia/Jakarta"),
                Currency.getInstance("IDR"),
                true,
                new BigDecimal("11.00"),
                true);
    }
}
